"""Refuses to time PyTorch when its matrix products would run on the reference BLAS.

Debian's python3-torch takes its GEMM from whatever libblas.so.3 the system provides; without
libopenblas0-openmp that is netlib's reference BLAS (libblas3), about 4 GFLOP/s, and every figure
measured against such a peer would flatter jgrad by an order of magnitude.
"""
import sys


def require_openblas(torch):
    """Exits (status 1), saying why, unless a matrix product has loaded OpenBLAS into this process."""
    torch.ones(64, 64) @ torch.ones(64, 64)
    with open("/proc/self/maps") as maps:
        libraries = {line.split()[-1] for line in maps if "/" in line}
    reference = any("/blas/libblas.so" in lib for lib in libraries)    # Debian's libblas3, not an alternative
    if not reference and any("openblas" in lib for lib in libraries):
        return
    sys.exit("PyTorch runs on the reference BLAS (libblas3), not OpenBLAS: its timings would mean nothing. "
             "Install it: apt-get install -y libopenblas0-openmp")
