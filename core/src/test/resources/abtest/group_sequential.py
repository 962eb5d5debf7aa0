#!/usr/bin/env python3
"""Independent expectations for jgrad.abtest.GroupSequential (NumPy only; written apart from the Java code).

Two-sided boundaries c_k for K looks of a z-statistic at information fractions t_k, under the null
(Z_k = S_k / sqrt(t_k), S a Brownian motion). Exit probabilities by numerical integration on a 2,001-point grid of the
*z scale* with the trapezoid rule (the Java code integrates on the score scale with Simpson's rule), boundaries by
bisection; then a Monte Carlo check with 2,000,000 simulated paths.

Published values these must reproduce (two-sided alpha = 0.05, K = 5 equally spaced looks):
  O'Brien-Fleming (1979), C = 2.040 (Jennison and Turnbull 2000, Table 2.3):    4.562 3.226 2.634 2.281 2.040
  Lan-DeMets O'Brien-Fleming-type spending, alpha/2 a side (gsDesign sfLDOF, ldbounds): 4.877 3.357 2.680 2.290 2.031

Run: python3 group_sequential.py > group_sequential.txt
"""
import math
import numpy as np

SQRT2 = math.sqrt(2.0)
erfc = np.vectorize(math.erfc)


def upper_tail(x):
    """P(Z > x)."""
    return 0.5 * erfc(np.asarray(x, dtype=float) / SQRT2)


def pdf(x):
    return np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)


class Looks:
    """Walks the looks one at a time, keeping the continuing paths' sub-density of Z on a grid."""

    def __init__(self, points=2001):
        self.points = points
        self.t_before = None
        self.z = None
        self.dens = None

    def exit(self, t, c):
        """P(first crossing |Z| >= c at a look at fraction t), given the looks taken so far."""
        if self.t_before is None:
            return 2 * upper_tail(c)
        sd = math.sqrt(t - self.t_before)
        mean = math.sqrt(self.t_before) * self.z
        b = c * math.sqrt(t)
        cross = upper_tail((b - mean) / sd) + upper_tail((b + mean) / sd)
        return np.trapezoid(self.dens * cross, self.z)

    def take(self, t, c):
        """Records the look at fraction t with boundary c."""
        znew = np.linspace(-c, c, self.points)
        if self.t_before is None:
            self.dens = pdf(znew)
        else:
            sd = math.sqrt(t - self.t_before)
            mean = math.sqrt(self.t_before) * self.z
            s = znew[:, None] * math.sqrt(t)
            kernel = pdf((s - mean[None, :]) / sd) / sd * math.sqrt(t)   # density of Z = S / sqrt(t)
            self.dens = np.trapezoid(kernel * self.dens[None, :], self.z, axis=1)
        self.z = znew
        self.t_before = t


def exits(t, c):
    looks = Looks()
    out = []
    for tk, ck in zip(t, c):
        out.append(looks.exit(tk, ck))
        looks.take(tk, ck)
    return np.array(out)


def bisect(f, lo=0.0, hi=20.0, iterations=50):
    for _ in range(iterations):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if f(mid) > 0 else (lo, mid)
    return (lo + hi) / 2


def z_quantile(p):
    return bisect(lambda x: p - (1 - upper_tail(x)), -20, 20, 80)


def spending_bounds(t, spend):
    looks = Looks()
    c = []
    for k in range(len(t)):
        target = spend(t[k]) - (spend(t[k - 1]) if k else 0.0)
        c.append(bisect(lambda x: looks.exit(t[k], x) - target))
        looks.take(t[k], c[-1])
    return np.array(c)


def obf_constant(looks, alpha):
    t = np.arange(1, looks + 1) / looks
    shape = np.sqrt(looks / np.arange(1, looks + 1))
    return bisect(lambda cc: exits(t, cc * shape).sum() - alpha, 1.0, 5.0, 40)


def monte_carlo(t, c, paths=2_000_000, seed=2026):
    rng = np.random.default_rng(seed)
    t = np.asarray(t, float)
    steps = np.diff(np.concatenate([[0.0], t]))
    s = np.cumsum(rng.standard_normal((paths, len(t))) * np.sqrt(steps), axis=1)
    z = np.abs(s / np.sqrt(t))
    return (z >= c).any(axis=1).mean()


def ld_obf(alpha):
    z = z_quantile(1 - alpha / 4)
    return lambda t: 4 * upper_tail(z / math.sqrt(t))


def pocock(alpha):
    return lambda t: alpha * math.log(1 + (math.e - 1) * t)


if __name__ == "__main__":
    five = np.arange(1, 6) / 5
    cases = {
        "ld_obf_5_equal_0.05": (five, spending_bounds(five, ld_obf(0.05))),
        "ld_obf_unequal_0.05": ((0.3, 0.5, 0.9, 1.0), spending_bounds(np.array([0.3, 0.5, 0.9, 1.0]), ld_obf(0.05))),
        "ld_pocock_5_equal_0.05": (five, spending_bounds(five, pocock(0.05))),
    }
    constant = obf_constant(5, 0.05)
    cases["obf_5_0.05"] = (five, constant * np.sqrt(5 / np.arange(1, 6)))
    twenty = np.arange(1, 21) / 20
    cases["ld_obf_20_equal_0.05"] = (twenty, spending_bounds(twenty, ld_obf(0.05)))
    for name, (t, c) in cases.items():
        print(name, " ".join(f"{v:.6f}" for v in c))
        print("  monte carlo alpha", f"{monte_carlo(t, c):.5f}", "integration", f"{exits(t, c).sum():.6f}")
    print("obf_constant_5_0.05", f"{constant:.6f}")
