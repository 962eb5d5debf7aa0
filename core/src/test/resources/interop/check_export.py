"""Checks jgrad's exports of the PyTorch fixtures with the fixtures' own NumPy reader and forwards.

Usage: python3 check_export.py SHARED_INTEROP_DIR EXPORT_DIR NAME...

EXPORT_DIR holds, for each NAME, jgrad's export NAME.safetensors (a fixture loaded into jgrad in F32 and
written back under PyTorch's names) beside copies of the fixture's NAME.json and input/output files.
check_fixtures.check_fixture reads the weights with safetensors_io (the fixtures' reader), checks that every
tensor is F32 with exactly the names and shapes of PyTorch's state_dict, recomputes the model in NumPy as
PyTorch computes it (LSTM with both biases) and compares with PyTorch's stored outputs at the fixtures'
tolerances. Prints one line per output and exits 1 when anything fails.
"""
import sys

sys.path.insert(0, sys.argv[1])
import check_fixtures  # noqa: E402  (the fixtures' own checker, found through argv[1])

for name in sys.argv[3:]:
    check_fixtures.check_fixture(sys.argv[2], name)
print("ALL OK" if not check_fixtures.FAILS else "FAILED: " + ", ".join(check_fixtures.FAILS))
sys.exit(1 if check_fixtures.FAILS else 0)
