#!/usr/bin/env python3
"""SASRec trained in PyTorch on the ml-100k-seq protocol, to compare with `./jgrad example sasrec`.

The model and training loop follow the public PyTorch port of SASRec (pmixer/SASRec.pytorch, read, not copied)
and the paper (Kang and McAuley 2018): item embeddings times sqrt(d) plus learned positions, embedding dropout,
a timeline mask, 2 blocks of causal self-attention (1 head, dropout on the attention weights) and a point-wise
feed-forward network (dropout after each of its two layers), d 50, maximum length 200, dropout 0.2, BCE with one
negative per position drawn outside the user's training items, Adam 1e-3 with betas (0.9, 0.98), batch 128,
every parameter initialised Glorot-normal. Options switch single parts to jgrad's choices, to find which matters:

    --block pmixer|prenorm   pmixer: x' = LN1(x) + MHA(q=LN1(x), k=v=x), y = LN2(x') + FFN(LN2(x'))  (the TF original)
                             prenorm: x' = x + Drop(MHA(LN1(x))), y = x' + Drop(FFN(LN2(x')))  (jgrad's TransformerBlock)
    --batches random|bucketed  random: users drawn with replacement, len(users) // 128 batches an epoch (pmixer);
                             bucketed: every user once, 4 batches' worth sorted by length together (jgrad's)

Evaluation: the validation target after the training prefix, the test target after the prefix and the validation
item; HR@10 and NDCG@10 among the target and its 100 fixed negatives and with full ranking (the user's earlier
items left out), the model in eval mode. One line per evaluated epoch.

    nice -n 19 /usr/bin/python3 bench/sasrec-train-peer.py --data ../shared/data/ml-100k-seq --epochs 200 --eval-every 10
"""
import argparse
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn
from openblas_check import require_openblas


def read(data):
    seqs = {}
    with open(os.path.join(data, "sequences.tsv")) as f:
        for line in f:
            user, items = line.rstrip("\n").split("\t")
            seqs[int(user)] = [int(i) for i in items.split()]
    negs = {}
    for target in ("valid", "test"):
        negs[target] = {}
        with open(os.path.join(data, target + "_negatives.tsv")) as f:
            for line in f:
                parts = line.split()
                negs[target][int(parts[0])] = (int(parts[1]), [int(i) for i in parts[2:]])
    return seqs, negs


class Block(nn.Module):
    def __init__(self, d, dropout, kind):
        super().__init__()
        self.kind = kind
        self.norm1 = nn.LayerNorm(d, eps=1e-8)
        self.attn = nn.MultiheadAttention(d, 1, dropout=dropout if kind == "pmixer" else 0.0, batch_first=True)
        self.norm2 = nn.LayerNorm(d, eps=1e-8)
        self.ff1 = nn.Linear(d, d)
        self.ff2 = nn.Linear(d, d)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, causal, pad):
        if self.kind == "pmixer":
            q = self.norm1(x)
            x = q + self.attn(q, x, x, attn_mask=causal, need_weights=False)[0]
            x = self.norm2(x)
            return x + self.drop(self.ff2(torch.relu(self.drop(self.ff1(x)))))
        q = self.norm1(x)
        x = x + self.drop(self.attn(q, q, q, attn_mask=causal | pad, need_weights=False)[0])
        return x + self.drop(self.ff2(torch.relu(self.ff1(self.norm2(x)))))


class SasRec(nn.Module):
    def __init__(self, items, d, max_len, blocks, dropout, kind):
        super().__init__()
        self.items = nn.Embedding(items + 1, d, padding_idx=0)
        self.positions = nn.Embedding(max_len + 1, d, padding_idx=0)
        self.drop = nn.Dropout(dropout)
        self.blocks = nn.ModuleList(Block(d, dropout, kind) for _ in range(blocks))
        self.last = nn.LayerNorm(d, eps=1e-8)
        self.d = d
        for p in self.parameters():
            if p.dim() > 1:
                nn.init.xavier_normal_(p)

    def encode(self, x):
        keep = x != 0
        steps = x.shape[1]
        pos = torch.arange(1, steps + 1).unsqueeze(0).expand_as(x) * keep
        e = self.items(x) * self.d ** 0.5 + self.positions(pos)
        e = self.drop(e) * keep.unsqueeze(-1)
        causal = torch.triu(torch.ones(steps, steps, dtype=torch.bool), 1)
        # prenorm drops padded keys too ([B*h, T, T]); each step keeps itself, so no row is empty (padded rows
        # are zeroed by the timeline mask after the block)
        pad = (~keep).unsqueeze(1).expand(-1, steps, -1) & ~torch.eye(steps, dtype=torch.bool)
        for b in self.blocks:
            e = b(e, causal if b.kind == "pmixer" else causal.unsqueeze(0), pad) * keep.unsqueeze(-1)
        return self.last(e)


def batch(users, seqs, n_items, max_len, rng):
    x = np.zeros((len(users), max_len), dtype=np.int64)
    pos = np.zeros_like(x)
    neg = np.zeros_like(x)
    for b, u in enumerate(users):
        train = seqs[u][:-2]
        seen = set(train)
        inp, nxt = train[:-1][-max_len:], train[1:][-max_len:]
        x[b, max_len - len(inp):] = inp
        pos[b, max_len - len(nxt):] = nxt
        for t in range(max_len - len(nxt), max_len):
            j = rng.integers(1, n_items + 1)
            while j in seen:
                j = rng.integers(1, n_items + 1)
            neg[b, t] = j
    return torch.from_numpy(x), torch.from_numpy(pos), torch.from_numpy(neg)


def epoch_batches(users, seqs, size, mode, rng):
    if mode == "random":
        return [list(rng.choice(users, size)) for _ in range(len(users) // size)]
    order = list(rng.permutation(users))
    out = []
    for start in range(0, len(order), 4 * size):
        bucket = sorted(order[start:start + 4 * size], key=lambda u: len(seqs[u]))
        out += [bucket[i:i + size] for i in range(0, len(bucket), size)]
    return [out[i] for i in rng.permutation(len(out))]


def evaluate(model, seqs, negs, target, n_items, max_len):
    model.eval()
    sums = np.zeros(4)
    users = sorted(negs[target])
    with torch.no_grad():
        for start in range(0, len(users), 256):
            chunk = users[start:start + 256]
            hist = [seqs[u][:-2] if target == "valid" else seqs[u][:-1] for u in chunk]
            x = np.zeros((len(chunk), max_len), dtype=np.int64)
            for b, h in enumerate(hist):
                h = h[-max_len:]
                x[b, max_len - len(h):] = h
            scores = model.encode(torch.from_numpy(x))[:, -1, :] @ model.items.weight.T
            for b, u in enumerate(chunk):
                item, neg = negs[target][u]
                s = scores[b].numpy()
                rank = 1 + int((s[neg] >= s[item]).sum())
                full = s.copy()
                full[0] = -np.inf
                full[list(set(hist[b]) - {item})] = -np.inf
                rank_full = int((full >= full[item]).sum())
                for k, r in ((0, rank), (2, rank_full)):
                    if r <= 10:
                        sums[k] += 1
                        sums[k + 1] += 1 / math.log2(r + 1)
    model.train()
    return sums / len(users)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="../shared/data/ml-100k-seq")
    p.add_argument("--epochs", type=int, default=200)
    p.add_argument("--eval-every", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--block", choices=("pmixer", "prenorm"), default="pmixer")
    p.add_argument("--batches", choices=("random", "bucketed"), default="random")
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    require_openblas(torch)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    seqs, negs = read(a.data)
    n_items = max(max(s) for s in seqs.values())
    users = [u for u in seqs if len(seqs[u]) >= 4]
    model = SasRec(n_items, 50, 200, 2, 0.2, a.block)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.98))
    bce = nn.BCEWithLogitsLoss()
    cpu0 = time.process_time()
    print(f"SASRec in torch {torch.__version__}: block {a.block}, batches {a.batches}, seed {a.seed}", flush=True)
    for e in range(1, a.epochs + 1):
        losses = []
        for users_b in epoch_batches(users, seqs, 128, a.batches, rng):
            x, pos, neg = batch(users_b, seqs, n_items, 200, rng)
            h = model.encode(x)
            pl = (h * model.items(pos)).sum(-1)
            nl = (h * model.items(neg)).sum(-1)
            at = pos != 0
            loss = bce(pl[at], torch.ones_like(pl[at])) + bce(nl[at], torch.zeros_like(nl[at]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
        if e % a.eval_every == 0 or e == a.epochs:
            v = evaluate(model, seqs, negs, "valid", n_items, 200)
            t = evaluate(model, seqs, negs, "test", n_items, 200)
            print(f"epoch {e:3d} loss {np.mean(losses):.4f} cpu {time.process_time() - cpu0:7.1f} s | valid HR@10 "
                  f"{v[0]:.4f} NDCG@10 {v[1]:.4f}, full {v[2]:.4f} {v[3]:.4f} | test HR@10 {t[0]:.4f} NDCG@10 "
                  f"{t[1]:.4f}, full {t[2]:.4f} {t[3]:.4f}", flush=True)


if __name__ == "__main__":
    main()
