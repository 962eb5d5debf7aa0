#!/usr/bin/env python3
"""Expected uplift metrics for UpliftMetricsTest, written independently of the Java code with NumPy cumulative sums.

Writes metrics.txt: a line "score treatment outcome" per row, then "= uplift@0.1 uplift@0.2 uplift@0.3 qini auuc".
Definitions: UpliftMetrics' Javadoc (rows sorted by score, descending; trapezoid rule from (0, 0)).
"""
import numpy as np

rng = np.random.default_rng(17)
n = 40
score = rng.permutation(n) / n + rng.uniform(0, 1e-3, n)      # distinct scores
t = rng.integers(0, 2, n)
y = (rng.uniform(0, 1, n) < 0.3 + 0.3 * t * (score > 0.5)).astype(int)

order = np.argsort(-score, kind="stable")
ts, ys = t[order], y[order]
nt = np.cumsum(ts); nc = np.cumsum(1 - ts)
yt = np.cumsum(ys * ts); yc = np.cumsum(ys * (1 - ts))
both = (nt > 0) & (nc > 0)
phi = np.arange(1, n + 1) / n
with np.errstate(divide="ignore", invalid="ignore"):
    qini = np.where(both, (yt - yc * nt / nc) / t.sum(), 0.0)
    upl = np.where(both, (yt / nt - yc / nc) * phi, 0.0)
phi0 = np.concatenate([[0], phi]); q0 = np.concatenate([[0], qini]); u0 = np.concatenate([[0], upl])
qini_coef = np.trapezoid(q0 - phi0 * q0[-1], phi0)
auuc = np.trapezoid(u0, phi0)

def at(k):
    top = int(np.ceil(k * n))
    a, b = ts[:top], ys[:top]
    return b[a == 1].mean() - b[a == 0].mean()

with open("metrics.txt", "w") as f:
    for i in range(n):
        f.write(f"{float(score[i])!r} {t[i]} {y[i]}\n")
    f.write("= " + " ".join(repr(float(v)) for v in [at(0.1), at(0.2), at(0.3), qini_coef, auuc]) + "\n")
