#!/usr/bin/env python3
"""PyTorch's twin of jgrad.bench.models.RatingStepCpuTime: the CPU time of one NCF or MF training step (batch 256,
MSE, Adam lr 1e-3, dense embedding gradients as PyTorch's default) on one thread, as the peer script
(../shared/peers/torch_bench.py) trains them, timed by the process's CPU time so that other work on the machine
changes the figure little. Prints the median CPU microseconds per step over rounds of 200 steps.

    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OPENBLAS_CORETYPE=Haswell \\
        /usr/bin/python3 bench/rating_step_cpu_torch.py ncf 11
"""
import os
import statistics
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"
import torch                      # noqa: E402  (after the thread variables, which OpenBLAS reads on load)
from openblas_check import require_openblas  # noqa: E402
import torch.nn as nn             # noqa: E402
import torch.nn.functional as F   # noqa: E402

STEPS, BATCH, WARM_UP = 200, 256, 5


class NCF(nn.Module):
    def __init__(self):
        super().__init__()
        self.ue, self.ie = nn.Embedding(943, 64), nn.Embedding(1682, 64)
        self.fc1, self.fc2 = nn.Linear(128, 128), nn.Linear(128, 1)

    def forward(self, u, i):
        return self.fc2(F.relu(self.fc1(torch.cat([self.ue(u), self.ie(i)], dim=1)))).squeeze(1)


class MF(nn.Module):
    def __init__(self):
        super().__init__()
        self.ue, self.ie = nn.Embedding(943, 64), nn.Embedding(1682, 64)
        self.ub, self.ib = nn.Embedding(943, 1), nn.Embedding(1682, 1)
        self.mu = nn.Parameter(torch.zeros(1))

    def forward(self, u, i):
        return (self.ue(u) * self.ie(i)).sum(1) + self.ub(u).squeeze(1) + self.ib(i).squeeze(1) + self.mu


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "ncf"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 11
    require_openblas(torch)
    torch.set_num_threads(1)
    torch.manual_seed(42)
    g = torch.Generator().manual_seed(42)
    u = torch.randint(0, 943, (100_000,), generator=g)
    i = torch.randint(0, 1682, (100_000,), generator=g)
    r = torch.randint(1, 6, (100_000,), generator=g).float()
    model = NCF() if name == "ncf" else MF()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    perm = torch.randperm(len(r), generator=g)
    batches = len(r) // BATCH
    k = 0
    per_step = []
    for rnd in range(-WARM_UP, rounds):
        t0 = time.process_time()
        for _ in range(STEPS):
            idx = perm[(k % batches) * BATCH:(k % batches + 1) * BATCH]
            k += 1
            opt.zero_grad(set_to_none=True)
            loss = F.mse_loss(model(u[idx], i[idx]), r[idx])
            loss.backward()
            opt.step()
            loss.item()
        if rnd >= 0:
            per_step.append((time.process_time() - t0) / STEPS * 1e6)
    med = statistics.median(per_step)
    print(f"torch {torch.__version__} {name} step, batch {BATCH}, 1 thread: CPU µs per step (median of {rounds} rounds"
          f" of {STEPS}): {med:.1f}, {BATCH / med * 1e6:.0f} samples per CPU second")


if __name__ == "__main__":
    main()
