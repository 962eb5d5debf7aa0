#!/usr/bin/python3
"""PyTorch 1.13 twins of issue 14's JMH benchmarks, run by side-by-side.py beside them.

    /usr/bin/python3 bench/torch_twins.py THREADS conv,textcnn,charlstm

conv      ConvBench: Conv2D(1->32, 3x3, relu) on 64 images of 28x28, MaxPool(2), Conv2D(32->64, 3x3, relu),
          MaxPool(2), loss = sum, backward to both kernels and the input              -> images_per_s
textcnn   TextCnnStepBench: Kim's CNN, 18,000 words, embeddings 300, widths 3/4/5 x 100 maps, relu,
          max-over-time, dropout 0.5, Dense(2); 50 sentences of 24 and of 64 ids; softmax cross-entropy,
          backward, Adam 1e-3 (eps 1e-7)                                              -> sentences_per_s
charlstm  CharLstmStepBench: 100 characters, embeddings 32, 2 x LSTM(128 and 256), Dense(100), 64 lines of
          45 characters, cross-entropy at every position, global norm clipped at 5, Adam 2e-3 -> lines_per_s

One JSON line per measurement (torch_bench.py's format): the median of timed runs after warm-up.
"""
import json
import os
import statistics
import sys
import time

MAIN = __name__ == "__main__"    # imported (conv_step_cpu_torch.py), it builds the steps for one thread
THREADS = int(sys.argv[1]) if MAIN and len(sys.argv) > 1 else 1
for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[v] = str(THREADS)   # before torch is imported: OpenBLAS reads them when it loads
import torch                        # noqa: E402
import torch.nn as nn               # noqa: E402
import torch.nn.functional as F     # noqa: E402
from openblas_check import require_openblas  # noqa: E402

ONLY = set(sys.argv[2].split(",")) if MAIN and len(sys.argv) > 2 else {"conv", "textcnn", "charlstm"}
torch.set_num_threads(THREADS)
torch.manual_seed(42)
require_openblas(torch)


def emit(bench, **kw):
    rec = {"bench": bench, "impl": f"torch-{torch.__version__}", "threads": THREADS}
    rec.update(kw)
    print(json.dumps(rec), flush=True)


def timeit(fn, warm, reps):
    for _ in range(warm):
        fn()
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t)
    return statistics.median(ts)


def conv_step():
    x = torch.rand(64, 1, 28, 28, requires_grad=True)
    c1, c2 = nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3)

    def step():
        for p in (x, c1.weight, c1.bias, c2.weight, c2.bias):
            p.grad = None
        h = F.max_pool2d(F.relu(c1(x)), 2)
        F.max_pool2d(F.relu(c2(h)), 2).sum().backward()

    return step


def conv():
    s = timeit(conv_step(), 10, 40)
    emit("conv_fwd_bwd", ms=round(s * 1e3, 3), images_per_s=round(64 / s, 1))


class TextCnn(nn.Module):
    def __init__(self, vocabulary=18_000, dim=300, widths=(3, 4, 5), maps=100):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, dim)
        self.convs = nn.ModuleList(nn.Conv1d(dim, maps, k) for k in widths)
        self.drop = nn.Dropout(0.5)
        self.out = nn.Linear(maps * len(widths), 2)

    def forward(self, ids):
        e = self.embedding(ids).transpose(1, 2)
        return self.out(self.drop(torch.cat([F.relu(c(e)).amax(2) for c in self.convs], 1)))


def textcnn_step(length):
    model = TextCnn()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    ids = torch.randint(3, 18_000, (50, length))
    y = torch.arange(50) % 2

    def step():
        opt.zero_grad(set_to_none=True)
        F.cross_entropy(model(ids), y).backward()
        opt.step()

    return step


def textcnn():
    for length in (24, 64):
        s = timeit(textcnn_step(length), 10, 40)
        emit("textcnn_step", length=length, ms=round(s * 1e3, 3), sentences_per_s=round(50 / s, 1))


class CharLstm(nn.Module):
    def __init__(self, hidden, characters=100, dim=32):
        super().__init__()
        self.embedding = nn.Embedding(characters, dim)
        self.lstm = nn.LSTM(dim, hidden, num_layers=2, batch_first=True)
        self.out = nn.Linear(hidden, characters)

    def forward(self, ids):
        h, _ = self.lstm(self.embedding(ids))
        return self.out(h.reshape(-1, h.shape[-1]))


def charlstm():
    for hidden in (128, 256):
        model = CharLstm(hidden)
        opt = torch.optim.Adam(model.parameters(), lr=2e-3, eps=1e-7)
        x = torch.randint(0, 100, (64, 45))
        y = torch.randint(0, 100, (64 * 45,))

        def step():
            opt.zero_grad(set_to_none=True)
            F.cross_entropy(model(x), y).backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()

        s = timeit(step, 5, 20)
        emit("charlstm_step", hidden=hidden, ms=round(s * 1e3, 3), lines_per_s=round(64 / s, 1))


if MAIN:
    for name, run in (("conv", conv), ("textcnn", textcnn), ("charlstm", charlstm)):
        if name in ONLY:
            run()
