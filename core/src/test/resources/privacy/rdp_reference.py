#!/usr/bin/env python3
"""Reference values for jgrad.privacy.dp.RdpAccountant, computed independently of its series.

The Renyi divergence of order a of the Poisson-subsampled Gaussian mechanism (Mironov, Talwar and Zhang 2019)
is log(A_a) / (a - 1) with A_a = E_{z ~ N(0, s^2)} [ ((1 - q) + q exp((2z - 1) / (2 s^2)))^a ],
integrated here numerically with mpmath at 50 digits (no series, no erfc). Integer orders are also checked
by the binomial expansion in exact rational arithmetic times exp. Run: python3 rdp_reference.py > rdp_reference.csv
"""
import mpmath as mp

mp.mp.dps = 50


def log_a_by_integration(q, s, a):
    q, s, a = mp.mpf(q), mp.mpf(s), mp.mpf(a)
    density = lambda z: mp.exp(-z * z / (2 * s * s)) / (s * mp.sqrt(2 * mp.pi))
    ratio = lambda z: (1 - q) + q * mp.exp((2 * z - 1) / (2 * s * s))
    f = lambda z: density(z) * ratio(z) ** a
    # the mass sits near 0 and, for large a, far right: split the line generously
    points = [-mp.inf, -20 * s, 0, 20 * s, 40 * s + a, mp.inf]
    return mp.log(mp.quad(f, points))


def log_a_by_binomial(q, s, a):
    q, s = mp.mpf(q), mp.mpf(s)
    return mp.log(mp.fsum(mp.binomial(a, k) * (1 - q) ** (a - k) * q ** k * mp.exp((k * k - k) / (2 * s * s))
                          for k in range(a + 1)))


print("q,sigma,order,rdp")
for q, s in [(0.0025, 1.3), (0.01, 0.8), (0.1, 2.0), (0.05, 1.0)]:
    for a in [1.5, 2, 2.5, 3.7, 8, 12.3, 19, 32]:
        by_integral = log_a_by_integration(q, s, a)
        if float(a).is_integer():
            by_sum = log_a_by_binomial(q, s, int(a))
            assert abs(by_integral - by_sum) < mp.mpf("1e-20") * max(1, abs(by_sum)), (q, s, a)
        print(f"{q},{s},{a},{mp.nstr(by_integral / (a - 1), 20)}")
