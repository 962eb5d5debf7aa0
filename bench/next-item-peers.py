#!/usr/bin/env python3
"""The peers of jgrad's NextItemStepBench in PyTorch CPU: one training step of SASRec (the authors' block and a
pre-norm one) and of GRU4Rec on
ML-100K sizes (1,682 items, batch 128, 200 steps, no padding; BCE with one negative per step; Adam), the
same shapes as jgrad.bench.sequence.NextItemStepBench. One JSON line per model: the median ms per step, and the
fastest step (on a machine whose other tenants come and go, the least disturbed one).

    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 bench/next-item-peers.py 1

The argument is the thread count (1 by default, the faster setting on this machine for training steps).
"""
import ctypes
import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from openblas_check import require_openblas

ITEMS, BATCH, STEPS = 1682, 128, 200


class SasRec(nn.Module):
    """SASRec, 2 blocks, 1 head, d 50, dropout 0.2, final norm; `reference` picks the block.

    reference (jgrad's SasRecBlock, the default of ./jgrad example sasrec): q = LN1(x), y1 = q + MHA(q, x, x) with
    dropout 0.2 on the attention weights, z = LN2(y1), y = z + Dropout(W2 Dropout(relu(W1 z + b1)) + b2).
    pre-norm (jgrad's --block prenorm): y1 = x + Dropout(MHA(LN1(x))), y = y1 + Dropout(W2 relu(W1 LN2(y1) + b1) + b2).
    """

    def __init__(self, reference, d=50, blocks=2):
        super().__init__()
        self.reference = reference
        self.items = nn.Embedding(ITEMS + 1, d, padding_idx=0)
        self.positions = nn.Embedding(STEPS, d)
        self.drop = nn.Dropout(0.2)
        self.norm1 = nn.ModuleList(nn.LayerNorm(d, eps=1e-8) for _ in range(blocks))
        self.attn = nn.ModuleList(nn.MultiheadAttention(d, 1, dropout=0.2 if reference else 0.0, batch_first=True)
                                  for _ in range(blocks))
        self.norm2 = nn.ModuleList(nn.LayerNorm(d, eps=1e-8) for _ in range(blocks))
        self.ff1 = nn.ModuleList(nn.Linear(d, d) for _ in range(blocks))
        self.ff2 = nn.ModuleList(nn.Linear(d, d) for _ in range(blocks))
        self.last = nn.LayerNorm(d, eps=1e-8)
        self.d = d

    def forward(self, x):
        keep = (x != 0).unsqueeze(-1).float()
        e = self.items(x) * self.d ** 0.5 + self.positions.weight[: x.shape[1]]
        e = self.drop(e) * keep
        causal = torch.triu(torch.ones(x.shape[1], x.shape[1], dtype=torch.bool), 1)
        for n1, a, n2, f1, f2 in zip(self.norm1, self.attn, self.norm2, self.ff1, self.ff2):
            q = n1(e)
            if self.reference:
                z = n2(q + a(q, e, e, attn_mask=causal, need_weights=False)[0])
                e = (z + self.drop(f2(self.drop(F.relu(f1(z)))))) * keep
            else:
                e = e + self.drop(a(q, q, q, attn_mask=causal, need_weights=False)[0])
                e = (e + self.drop(f2(F.relu(f1(n2(e)))))) * keep
        return self.last(e)


class Gru4Rec(nn.Module):
    def __init__(self, d=64):
        super().__init__()
        self.items = nn.Embedding(ITEMS + 1, d, padding_idx=0)
        self.drop = nn.Dropout(0.2)
        self.gru = nn.GRU(d, d, batch_first=True)

    def forward(self, x):
        return self.gru(self.drop(self.items(x)))[0]


def keep_freed_memory():
    """glibc's malloc keeps what a step frees for the next one instead of handing it back to the kernel (as jgrad's
    step memory does): no mmap per large tensor (up to glibc's 32 MB ceiling), no trimming. On the VMs this project
    runs on, touching a page the kernel got back costs the host a fault (1 GB first touched took 0.2 to 15 s), which
    made PyTorch's steps slower and noisier than its allocator's own work: 700-750 ms fastest with this against
    930-1,030 ms without, SASRec, 2026-12-06 21:33 UTC."""
    libc = ctypes.CDLL("libc.so.6")
    for param, value in ((-3, 32 << 20), (-1, (1 << 31) - 1), (-2, 1 << 30)):   # M_MMAP_THRESHOLD, M_TRIM_THRESHOLD, M_TOP_PAD
        libc.mallopt(param, value)


def step_time(model, warm=5, reps=15):
    g = torch.Generator().manual_seed(42)
    x, pos, neg = (torch.randint(1, ITEMS + 1, (BATCH, STEPS), generator=g) for _ in range(3))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.98))

    def step():
        opt.zero_grad()
        h = model(x)
        p = (h * model.items(pos)).sum(-1)
        n = (h * model.items(neg)).sum(-1)
        loss = F.softplus(-p).mean() + F.softplus(n).mean()
        loss.backward()
        opt.step()

    for _ in range(warm):
        step()
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        step()
        ts.append(time.perf_counter() - t)
    return statistics.median(ts), min(ts)


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    keep_freed_memory()
    require_openblas(torch)
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    for name, model in (("sasrec", SasRec(True)), ("sasrec-prenorm", SasRec(False)), ("gru4rec", Gru4Rec())):
        median, fastest = step_time(model)
        print(json.dumps({"bench": name + "_train_step", "impl": "torch-" + torch.__version__, "threads": threads,
                          "batch": BATCH, "T": STEPS, "ms_per_step": round(median * 1e3, 1),
                          "ms_fastest": round(fastest * 1e3, 1)}), flush=True)


if __name__ == "__main__":
    main()
