#!/usr/bin/env python3
"""Expected values for jgrad.abtest, computed independently with SciPy 1.17 (Debian python3-scipy).

Each line of expected.txt is: KIND INPUTS... = OUTPUTS...  (space-separated, repr floats).
The formulas are written here from the papers cited in the Javadoc of each class, with SciPy's
normal and chi-square distributions; run `python3 make_expected.py > expected.txt` to regenerate.
"""
import math
from scipy import stats, special

def line(kind, inputs, outputs):
    print(kind, *[repr(v) for v in inputs], "=", *[repr(float(v)) for v in outputs])

for x in [-8.0, -3.0, -1.2, 0.0, 0.3, 1.959963984540054, 5.0]:
    line("normalCdf", [x], [stats.norm.cdf(x)])
for p in [1e-10, 0.001, 0.025, 0.2, 0.5, 0.8, 0.975, 0.999999]:
    line("normalQuantile", [p], [stats.norm.ppf(p)])
for x, df in [(0.5, 1), (3.84, 1), (10.0, 2), (0.2, 5), (40.0, 3), (150.0, 10)]:
    line("chiSquareSurvival", [x, df], [stats.chi2.sf(x, df)])
for a, x in [(0.5, 0.01), (2.5, 1.0), (7.0, 12.0), (30.0, 25.0)]:
    line("upperGamma", [a, x], [special.gammaincc(a, x)])

def wilson(x, n, conf):
    z = stats.norm.ppf(1 - (1 - conf) / 2)
    p = x / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z / d * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, c - h), min(1.0, c + h)

for x, n, conf in [(81, 263, 0.95), (0, 10, 0.95), (10, 10, 0.9), (3895, 21306, 0.99)]:
    line("wilson", [x, n, conf], wilson(x, n, conf))

def compare(x1, n1, x2, n2, conf):
    p1, p2 = x1 / n1, x2 / n2
    pooled = (x1 + x2) / (n1 + n2)
    z = (p2 - p1) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    pval = 2 * stats.norm.sf(abs(z))
    l1, u1 = wilson(x1, n1, conf)
    l2, u2 = wilson(x2, n2, conf)
    d = p2 - p1
    lo = d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    hi = d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    zc = stats.norm.ppf(1 - (1 - conf) / 2)
    se = math.sqrt(1 / x2 - 1 / n2 + 1 / x1 - 1 / n1)
    lr = math.log(p2 / p1)
    return [z, pval, lo, hi, p2 / p1 - 1, math.exp(lr - zc * se) - 1, math.exp(lr + zc * se) - 1]

for case in [(56, 70, 48, 80, 0.95), (2262, 21306, 3894, 21307, 0.95), (120, 1000, 131, 1000, 0.9)]:
    line("twoProportion", list(case), compare(*case))

def per_group(p1, mde, alpha, power):
    p2 = p1 + mde
    pbar = (p1 + p2) / 2
    a = stats.norm.ppf(1 - alpha / 2) * math.sqrt(2 * pbar * (1 - pbar))
    b = stats.norm.ppf(power) * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil((a + b) ** 2 / mde ** 2)

def power(p1, mde, n, alpha):
    p2 = p1 + mde
    pbar = (p1 + p2) / 2
    a = stats.norm.ppf(1 - alpha / 2) * math.sqrt(2 * pbar * (1 - pbar))
    return stats.norm.cdf((abs(mde) * math.sqrt(n) - a) / math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)))

for case in [(0.10, 0.02, 0.05, 0.8), (0.1062, 0.01, 0.05, 0.9), (0.5, -0.05, 0.01, 0.8)]:
    line("perGroup", list(case), [per_group(*case)])
for case in [(0.10, 0.02, 3841, 0.05), (0.1062, 0.005, 21306, 0.05)]:
    line("power", list(case), [power(*case)])

for counts in [[21306, 21307, 21387], [5000, 5200], [1000, 1100, 900, 1000]]:
    r = stats.chisquare(counts)
    line("srm", counts, [r.statistic, r.pvalue])

def msprt(x1, n1, x2, n2, tau):
    p1, p2 = x1 / n1, x2 / n2
    v = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2
    t2 = tau * tau
    return math.sqrt(v / (v + t2)) * math.exp((p2 - p1) ** 2 * t2 / (2 * v * (v + t2)))

for case in [(100, 1000, 130, 1000, 0.02), (2262, 21306, 3894, 21307, 0.01), (50, 500, 48, 520, 0.05)]:
    line("msprt", list(case), [msprt(*case)])
