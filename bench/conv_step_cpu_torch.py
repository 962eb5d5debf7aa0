#!/usr/bin/env python3
"""PyTorch's twin of jgrad.bench.models.ConvStepCpuTime and TextCnnStepCpuTime: the CPU time of one step of
torch_twins.py's conv workload (fashion-cnn's convolutions and poolings, forward and backward, batch 64) or of its
sentiment CNN training step (50 sentences of LENGTH words) on one thread, timed by the process's CPU time so that
other work on the machine changes the figure little. The same warm-up (3 rounds) and rounds of 10 steps as the
Java probes (CpuTimeRounds); prints the median CPU milliseconds per step with the quartiles.

    /usr/bin/python3 bench/conv_step_cpu_torch.py conv 10
    /usr/bin/python3 bench/conv_step_cpu_torch.py textcnn 10 64
    # 256 bits: ONEDNN_MAX_CPU_ISA=AVX2 ATEN_CPU_CAPABILITY=avx2 OPENBLAS_CORETYPE=Haswell before the command
"""
import os
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch                      # noqa: E402  (after the thread variables, which OpenBLAS reads on load)
import torch_twins                # noqa: E402

STEPS, WARM_UP = 10, 3


def sorted_millis_per_step(step, rounds):
    ms = []
    for rnd in range(-WARM_UP, rounds):
        t0 = time.process_time()
        for _ in range(STEPS):
            step()
        if rnd >= 0:
            ms.append((time.process_time() - t0) / STEPS * 1e3)
    return sorted(ms)


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "conv"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    torch.set_num_threads(1)
    if name == "conv":
        step, what = torch_twins.conv_step(), "fashion-cnn convolutions fwd+bwd, batch 64"
    else:
        length = int(sys.argv[3]) if len(sys.argv) > 3 else 24
        step, what = torch_twins.textcnn_step(length), f"sentiment CNN train step, batch 50 of {length} words"
    ms = sorted_millis_per_step(step, rounds)
    isa = os.environ.get("ATEN_CPU_CAPABILITY", "default")
    print(f"torch {torch.__version__} ({isa}) {what}: CPU ms per step (median of {rounds} rounds of {STEPS}):"
          f" {ms[rounds // 2]:.2f} (quartiles {ms[rounds // 4]:.2f}, {ms[3 * rounds // 4]:.2f})")


if __name__ == "__main__":
    main()
