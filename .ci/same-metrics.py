#!/usr/bin/env python3
"""Compares the metrics two runs of one ./jgrad command printed, to a relative tolerance.

Usage: same-metrics.py REFERENCE.txt OTHER.txt [--rel 1e-3] [--counted 0.01]

Every number with a decimal point is compared in the order printed, except durations (a number
followed by "s", "ms" or "µs") and rates (followed by "/s" or "steps/s"), which measure the machine,
not the model. Continuous metrics (losses, RMSE) must agree to the relative tolerance. Metrics that
count cases (accuracy, HR@K, NDCG@K, precision, recall) move in steps of one case: rounding
differences in training flip a few borderline cases, so they must agree to an absolute tolerance
(--counted). For scale: after one epoch the two CPU backends themselves differ by 0.0074 in NeuMF's
HR@10 (scalar 0.4072, simd 0.3998 on 943 users). Exits 1 naming the first line that differs, 0 when
all agree.
"""
import re
import sys

TIMING = re.compile(r"-?\d[\d,]*(?:\.\d+)?\s*(?:s|ms|µs|us|steps/s|samples/s|/s)\b")
NUMBER = re.compile(r"-?\d+\.\d+(?:[eE][-+]?\d+)?")
COUNTED = re.compile(r"(accuracy|hr@\d+|ndcg@\d+|precision|recall)\W*$", re.IGNORECASE)


def metrics(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "backend" in line or line.startswith(("INFO", "WARNING", "jgrad:")):
                continue
            text = TIMING.sub("", line)
            for m in NUMBER.finditer(text):
                counted = COUNTED.search(text[:m.start()]) is not None
                out.append((float(m.group()), counted, line.strip()))
    return out


def main():
    args = sys.argv[1:]
    rel, counted_abs = 1e-3, 0.01
    for flag in ("--rel", "--counted"):
        if flag in args:
            i = args.index(flag)
            if flag == "--rel":
                rel = float(args[i + 1])
            else:
                counted_abs = float(args[i + 1])
            del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    a, b = metrics(args[0]), metrics(args[1])
    if not a:
        print(f"same-metrics: {args[0]} printed no metric")
        return 1
    if len(a) != len(b):
        print(f"same-metrics: {args[0]} printed {len(a)} metrics, {args[1]} printed {len(b)}")
        return 1
    worst = 0.0
    for (x, counted, line_a), (y, _, line_b) in zip(a, b):
        tolerance = counted_abs if counted else rel * max(1.0, abs(x))
        if abs(x - y) > tolerance:
            kind = "absolute, a counted metric" if counted else "relative"
            print(f"same-metrics: {x} vs {y} (tolerance {tolerance:g}, {kind})\n  {line_a}\n  {line_b}")
            return 1
        worst = max(worst, abs(x - y))
    print(f"same-metrics: {len(a)} metrics agree (largest difference {worst:.2g}; "
          f"tolerances: relative {rel}, counted metrics {counted_abs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
