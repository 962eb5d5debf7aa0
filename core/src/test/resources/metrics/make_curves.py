#!/usr/bin/python3
"""Writes the fixture of jgrad.metrics.ScoreCurves and its expected curves, computed by scikit-learn
(Debian's python3-sklearn) and NumPy, implementations independent of jgrad's.

    cd core/src/test/resources/metrics && /usr/bin/python3 make_curves.py   (scikit-learn 1.2.1)

curves.csv       300 rows "score,label": scores rounded to 2 decimals so that many tie, labels drawn with
                 P(1) rising with the score (seeded)
curves.expected  lines "name x1 y1 x2 y2 ...":
                 roc   sklearn.metrics.roc_curve(drop_intermediate=False) without its first threshold (inf)
                 pr    sklearn.metrics.precision_recall_curve, reversed to highest threshold first, without the
                       (recall 0, precision 1) end point it appends
                 gain  NumPy: the rows ordered by score descending, ties by lower index first (a stable sort of
                       -score), k = round(j*n/50) for j = 0..50, x = k/n, y = positives in the top k / all positives
                 auc   sklearn.metrics.roc_auc_score (x = 0)
"""
import numpy as np
from sklearn.metrics import precision_recall_curve, roc_auc_score, roc_curve

rng = np.random.default_rng(19)
n = 300
score = np.round(rng.uniform(0, 1, n), 2)
label = (rng.uniform(0, 1, n) < 0.15 + 0.6 * score).astype(int)

with open("curves.csv", "w") as f:
    for s, y in zip(score, label):
        f.write(f"{s!r},{y}\n")

def line(name, x, y):
    return name + " " + " ".join(f"{float(a)!r} {float(b)!r}" for a, b in zip(x, y)) + "\n"

fpr, tpr, _ = roc_curve(label, score, drop_intermediate=False)
precision, recall, _ = precision_recall_curve(label, score)
order = np.argsort(-score, kind="stable")
hits = np.concatenate([[0], np.cumsum(label[order])])
ks = [int(round(j * n / 50)) for j in range(51)]
with open("curves.expected", "w") as f:
    f.write(line("roc", fpr, tpr))
    f.write(line("pr", recall[::-1][1:], precision[::-1][1:]))
    f.write(line("gain", [k / n for k in ks], [hits[k] / label.sum() for k in ks]))
    f.write(line("auc", [0.0], [roc_auc_score(label, score)]))
