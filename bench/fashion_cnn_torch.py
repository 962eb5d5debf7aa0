#!/usr/bin/python3
"""The PyTorch 1.13 twin of `./jgrad example fashion-cnn`, to compare accuracy and seconds per epoch.

Same model and protocol as jgrad's FashionCnnExample: Conv2D(32, 3x3, relu) -> MaxPool(2) ->
Conv2D(64, 3x3, relu) -> MaxPool(2) -> Flatten -> Dense(128, relu) -> Dropout(p) -> Dense(10),
Keras's initialization (glorot-uniform kernels over the receptive field, zero biases), pixels / 255,
Adam 1e-3 with Keras's epsilon 1e-7, batch 64 reshuffled each epoch, softmax cross-entropy.

    /usr/bin/python3 bench/fashion_cnn_torch.py --seeds 0,1,2 --epochs 5 --threads 1
    /usr/bin/python3 bench/fashion_cnn_torch.py --time --epochs 1     one JSON line: seconds per epoch

Prints the test accuracy after every epoch and, per seed, one JSON line
{"bench": "fashion_cnn", "seed": s, "accuracy": [...], "epoch_seconds": [...], "epoch_cpu_seconds": [...]}.
Reads Fashion-MNIST from the Debian package dataset-fashion-mnist (/usr/share/datasets/fashion-mnist).
"""
import argparse
import gzip
import json
import os
import sys
import time

import numpy as np

DATA = "/usr/share/datasets/fashion-mnist"


def idx(path):
    """An IDX file as a uint8 array of its declared shape."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(data):
    def part(prefix):
        x = idx(os.path.join(data, f"{prefix}-images-idx3-ubyte.gz")).astype(np.float32) / 255.0
        y = idx(os.path.join(data, f"{prefix}-labels-idx1-ubyte.gz")).astype(np.int64)
        return x[:, None, :, :], y
    return part("train"), part("t10k")


def model(nn, dropout):
    net = nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 5 * 5, 128), nn.ReLU(), nn.Dropout(dropout), nn.Linear(128, 10))
    for m in net:
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight)   # Keras glorot_uniform: fan over the receptive field
            nn.init.zeros_(m.bias)
    return net


def accuracy(torch, net, x, y):
    net.eval()
    right = 0
    with torch.no_grad():
        for i in range(0, len(x), 1000):
            right += (net(x[i:i + 1000]).argmax(1) == y[i:i + 1000]).sum().item()
    net.train()
    return right / len(x)


def run(torch, nn, train, test, seed, epochs, dropout, batch):
    torch.manual_seed(seed)
    net = model(nn, dropout)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, eps=1e-7)
    x, y = torch.from_numpy(train[0]), torch.from_numpy(train[1])
    tx, ty = torch.from_numpy(test[0]), torch.from_numpy(test[1])
    loss_fn = nn.CrossEntropyLoss()
    acc, wall, cpu = [], [], []
    for epoch in range(epochs):
        w0, c0 = time.perf_counter(), time.process_time()
        order = torch.randperm(len(x))
        for i in range(0, len(x), batch):
            pick = order[i:i + batch]
            opt.zero_grad(set_to_none=True)
            loss_fn(net(x[pick]), y[pick]).backward()
            opt.step()
        wall.append(round(time.perf_counter() - w0, 2))
        cpu.append(round(time.process_time() - c0, 2))
        acc.append(round(accuracy(torch, net, tx, ty), 4))
        print(f"seed {seed} epoch {epoch + 1}: test accuracy {acc[-1]:.4f}, {wall[-1]:.1f} s wall,"
              f" {cpu[-1]:.1f} s CPU", file=sys.stderr, flush=True)
    return acc, wall, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--dropout", type=float, default=0.2, help="rate of the one dropout layer (jgrad: 0.2)")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--time", action="store_true", help="one seed, print only seconds per epoch (bench peer)")
    args = ap.parse_args()
    for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[v] = str(args.threads)       # before torch is imported: OpenBLAS reads them at load
    import torch
    import torch.nn as nn
    from openblas_check import require_openblas
    require_openblas(torch)
    torch.set_num_threads(args.threads)
    train, test = load(args.data)
    seeds = [int(s) for s in args.seeds.split(",")][:1 if args.time else None]
    for seed in seeds:
        acc, wall, cpu = run(torch, nn, train, test, seed, args.epochs, args.dropout, args.batch)
        print(json.dumps({"bench": "fashion_cnn_epoch" if args.time else "fashion_cnn",
                          "impl": f"torch-{torch.__version__}", "threads": args.threads, "seed": seed,
                          "dropout": args.dropout, "accuracy": acc, "epoch_seconds": wall,
                          "epoch_cpu_seconds": cpu, "seconds_per_epoch": sorted(wall)[len(wall) // 2]}), flush=True)


if __name__ == "__main__":
    main()
