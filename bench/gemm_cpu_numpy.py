#!/usr/bin/env python3
"""NumPy's twin of jgrad.bench.kernels.GemmCpuTime: SGEMM GFLOP/s from this thread's CPU time.

Run with OPENBLAS_NUM_THREADS=1 (set here if absent), so that OpenBLAS computes on the calling thread
and time.thread_time() sees all of it; OPENBLAS_CORETYPE=Haswell forces its AVX2 kernels on an
AVX-512 CPU. Arguments: shapes MxKxN[:TT] or a square size N, optional last rounds=R (default 15).
Prints one line per shape: median GFLOP/s and quartiles.
"""
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402  (after the thread count is set)
import time  # noqa: E402

ROUND_SECONDS = 0.05


def parse(arg):
    dims, _, t = arg.partition(":")
    d = [int(x) for x in dims.split("x")]
    if len(d) == 1:
        d = d * 3
    t = t or "NN"
    return d[0], d[1], d[2], t[0] == "T", t[1] == "T"


def operands(m, k, n, ta, tb, rng):
    a = rng.uniform(-1, 1, (k, m) if ta else (m, k)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, k) if tb else (k, n)).astype(np.float32)
    return (a.T if ta else a), (b.T if tb else b)


def main(argv):
    rounds = next((int(a[7:]) for a in argv if a.startswith("rounds=")), 15)   # for every shape, wherever it stands
    rng = np.random.default_rng(1)
    print(f"NumPy {np.__version__}, OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}, "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(autodetected)')}")
    for arg in argv:
        if arg.startswith("rounds="):
            continue
        m, k, n, ta, tb = parse(arg)
        a, b = operands(m, k, n, ta, tb, rng)
        c = np.empty((m, n), dtype=np.float32)
        flops = 2.0 * m * n * k
        reps = int(max(1, min(100_000, ROUND_SECONDS * 50e9 / flops)))
        for _ in range(max(20, 2 * reps)):
            np.matmul(a, b, out=c)
        g = []
        for _ in range(rounds):
            t0 = time.thread_time_ns()
            for _ in range(reps):
                np.matmul(a, b, out=c)
            g.append(flops * reps / (time.thread_time_ns() - t0))
        g.sort()
        print(f"{arg:<18} {g[rounds // 2]:7.1f} GFLOP/s (quartiles {g[rounds // 4]:.1f}, {g[3 * rounds // 4]:.1f};"
              f" {rounds} rounds, CPU time)")


if __name__ == "__main__":
    main(sys.argv[1:])
