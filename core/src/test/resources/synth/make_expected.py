#!/usr/bin/python3
"""Writes the synth package's quality-report fixtures, with expected values computed by SciPy and NumPy
(Debian's python3-scipy 1.17.1 and python3-numpy 2.4.6), implementations independent of jgrad's.

    cd core/src/test/resources/synth && /usr/bin/python3 make_expected.py

similarity.expected, one case per line group (name.key=values):
  ks      two samples and scipy.stats.ks_2samp(a, b).statistic: continuous samples of different sizes,
          integer samples with many ties, and a shifted pair
  pearson two columns and scipy.stats.pearsonr(x, y).statistic
  tvd     two category columns and 1/2 sum |p_a - p_b| over the union of categories (numpy.unique counts)
  pair    two pairs of columns and the TVD of their joint frequencies; the numbers of the second column put in
          10 equal-width bins of the first table's values (numpy.histogram_bin_edges, outer edges open,
          numpy.digitize), as SDMetrics's ContingencySimilarity does
"""
import numpy as np
from scipy import stats

rng = np.random.default_rng(20261206)
lines = []


def put(name, key, values):
    lines.append(f"{name}.{key}=" + ",".join(repr(float(v)) if not isinstance(v, str) else v for v in values))


cases = {
    "continuous": (rng.normal(0, 1, 37), rng.normal(0.3, 1.2, 53)),
    "ties": (rng.integers(0, 6, 80).astype(float), rng.integers(1, 7, 61).astype(float)),
    "shifted": (rng.exponential(1.0, 25), rng.exponential(1.0, 25) + 0.5),
}
for name, (a, b) in cases.items():
    put("ks_" + name, "a", a)
    put("ks_" + name, "b", b)
    put("ks_" + name, "expected", [stats.ks_2samp(a, b).statistic])

x = rng.normal(0, 1, 40)
y = 0.6 * x + rng.normal(0, 1, 40)
put("pearson", "x", x)
put("pearson", "y", y)
put("pearson", "expected", [stats.pearsonr(x, y).statistic])


def tvd(a, b):
    keys = sorted(set(a) | set(b))
    pa = np.array([np.mean(np.array(a) == k) for k in keys])
    pb = np.array([np.mean(np.array(b) == k) for k in keys])
    return 0.5 * np.abs(pa - pb).sum()


cats = ["red", "green", "blue", "violet"]
a = list(rng.choice(cats[:3], 50, p=[0.5, 0.3, 0.2]))
b = list(rng.choice(cats, 70, p=[0.3, 0.3, 0.3, 0.1]))
put("tvd", "a", a)
put("tvd", "b", b)
put("tvd", "expected", [tvd(a, b)])

real_cat = list(rng.choice(cats[:3], 60))
real_num = rng.normal(5, 2, 60)
syn_cat = list(rng.choice(cats[:3], 45))
syn_num = rng.normal(5.5, 3, 45)
edges = np.histogram_bin_edges(real_num, bins=10)
edges[0], edges[-1] = -np.inf, np.inf
real_bins = [str(v) for v in np.digitize(real_num, edges)]
syn_bins = [str(v) for v in np.digitize(syn_num, edges)]
put("pair", "real_cat", real_cat)
put("pair", "real_num", real_num)
put("pair", "syn_cat", syn_cat)
put("pair", "syn_num", syn_num)
put("pair", "expected", [tvd([c + "|" + n for c, n in zip(real_cat, real_bins)],
                             [c + "|" + n for c, n in zip(syn_cat, syn_bins)])])

with open("similarity.expected", "w") as f:
    f.write("\n".join(lines) + "\n")
