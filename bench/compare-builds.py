#!/usr/bin/env python3
"""Is a change faster or slower? Runs the same JMH benchmarks from two builds of jgrad, alternating
forks in one sitting so that both see the same machine, and prints the median of each side, the ratio
and the spread between rounds.

Usage: bench/compare-builds.py BEFORE.jar AFTER.jar [--rounds 3] [--only REGEX ...] [--jvm-arg ARG ...]
  (a build's jar is bench/target/benchmarks.jar; build an older commit in a git worktree with
   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -q -DskipTests package -pl bench -am)
Exits 1 if a benchmark fails on either side.
"""
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

DEFAULT = [
    r"GemmLargeBench.*", r"MlpTrainBench.step", r"NcfTrainBench.*", r"MfTrainBench.*",
    r"LstmBench.sequence", r"RnnBench.sequence", r"AttentionPoolBench.layer", r"GanStepBench.*",
]


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def run(jar, pattern, jvm_args):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    cmd = ["/usr/lib/jvm/temurin-25-jdk-amd64/bin/java", "--add-modules=jdk.incubator.vector", "-jar", jar, pattern,
           "-p", "backend=simd", "-f", "1", "-wi", "3", "-i", "5", "-w", "1s", "-r", "1s", "-rf", "json", "-rff", path]
    for a in jvm_args:
        cmd += ["-jvmArgsAppend", a]
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{jar} {pattern}: exit {done.returncode}: {done.stderr[-400:]}")
    with open(path) as f:
        results = json.load(f)
    os.unlink(path)
    return {r["benchmark"].split(".", 3)[-1] + str(sorted(r.get("params", {}).items())):
            (r["primaryMetric"]["score"], r["primaryMetric"]["scoreUnit"], r["mode"]) for r in results}


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    before, after, rest = args[0], args[1], args[2:]
    rounds, only, jvm_args = 3, [], []
    while rest:
        flag, value, rest = rest[0], rest[1], rest[2:]
        if flag == "--rounds":
            rounds = int(value)
        elif flag == "--only":
            only.append(value)
        elif flag == "--jvm-arg":
            jvm_args.append(value)
        else:
            sys.exit(f"unknown option {flag}\n{__doc__}")
    patterns = only or DEFAULT
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {cpu_model()}, load {os.getloadavg()[0]:.1f}")
    scores = {}
    for r in range(rounds):
        for side, jar in (("before", before), ("after", after)) if r % 2 == 0 else (("after", after), ("before", before)):
            for p in patterns:
                for key, value in run(jar, p, jvm_args).items():
                    scores.setdefault(key, {"before": [], "after": []})[side].append(value)
    print(f"load at the end {os.getloadavg()[0]:.1f}; {rounds} rounds, forks alternating\n")
    print(f"{'benchmark':70} {'before':>12} {'after':>12} {'after/before':>12}  unit")
    for key, sides in sorted(scores.items()):
        if not sides["before"] or not sides["after"]:
            print(f"{key[:70]:70} only in the {'after' if sides['after'] else 'before'} build")
            continue
        b = statistics.median(v[0] for v in sides["before"])
        a = statistics.median(v[0] for v in sides["after"])
        unit, mode = sides["after"][0][1], sides["after"][0][2]
        faster = a / b if mode == "thrpt" else b / a   # > 1: the change is faster
        spread = lambda xs: f"{min(v[0] for v in xs):.3g}–{max(v[0] for v in xs):.3g}"
        print(f"{key[:70]:70} {b:12.4g} {a:12.4g} {faster:11.2f}×  {unit} "
              f"(before {spread(sides['before'])}, after {spread(sides['after'])})")
    print("\nafter/before above 1 means the later build is faster.")


if __name__ == "__main__":
    try:
        main()
    except RuntimeError as e:
        print(f"compare-builds: {e}", file=sys.stderr)
        sys.exit(1)
