#!/usr/bin/env python3
"""Compares the metrics two runs of one ./jgrad command printed, to a relative tolerance.

Usage: same-metrics.py REFERENCE.txt OTHER.txt [--rel 1e-3]

Every number with a decimal point is compared in the order printed, except durations (a number
followed by "s", "ms" or "µs") and rates (followed by "/s" or "steps/s"), which measure the machine,
not the model. Exits 1 naming the first line that differs, 0 when all agree.
"""
import re
import sys

TIMING = re.compile(r"-?\d[\d,]*(?:\.\d+)?\s*(?:s|ms|µs|us|steps/s|samples/s|/s)\b")
NUMBER = re.compile(r"-?\d+\.\d+(?:[eE][-+]?\d+)?")


def metrics(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "backend" in line or line.startswith(("INFO", "WARNING", "jgrad:")):
                continue
            for value in NUMBER.findall(TIMING.sub("", line)):
                out.append((float(value), line.strip()))
    return out


def main():
    args = sys.argv[1:]
    rel = 1e-3
    if "--rel" in args:
        i = args.index("--rel")
        rel = float(args[i + 1])
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
    for (x, line_a), (y, line_b) in zip(a, b):
        if abs(x - y) > rel * max(1.0, abs(x)):
            print(f"same-metrics: {x} vs {y} (relative tolerance {rel})\n  {line_a}\n  {line_b}")
            return 1
    print(f"same-metrics: {len(a)} metrics agree within {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
