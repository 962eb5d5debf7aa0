#!/usr/bin/env python3
"""jgrad beside PyTorch and NumPy, in one sitting: runs jgrad's JMH benchmarks, the peer script
(../shared/peers/torch_bench.py, PyTorch CPU) and NumPy's SGEMM one after the other, then prints a
table of ratios jgrad/peer in throughput (above 1: jgrad is faster), medians, each figure tagged with
the command that produced it.

    bench/side-by-side.py            quick: JMH -f 1 -wi 8 -i 5 -w 2s -r 1s, about ten minutes in all
    bench/side-by-side.py --full     JMH with the benchmarks' own iteration settings
    bench/side-by-side.py --only gemm,lstm --no-gc

Run it with the python3 that has NumPy (the one first on PATH); PyTorch is run with /usr/bin/python3
as the peers' README says. Raw outputs go to bench/target/side-by-side/<time>/.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Vector API code runs 10-100x slower until C2 has compiled it, and on a loaded 2-core machine that
# took about 20 s of a benchmark's life here: hence 8 warm-up iterations of 2 s even in quick mode.
QUICK = ["-f", "1", "-wi", "8", "-i", "5", "-w", "2s", "-r", "1s"]
TORCH_PYTHON = "/usr/bin/python3"
TORCH_ENV = {"LD_LIBRARY_PATH": "/usr/lib/x86_64-linux-gnu/openblas-openmp", "OPENBLAS_CORETYPE": "SkylakeX"}
GEMM_SIZES = (512, 1024, 2048)

# The NumPy SGEMM peer: the same timing rule as torch_bench.py (warm-up, then the median of timed runs).
NUMPY_SGEMM = r"""
import json, os, statistics, sys, time
import numpy as np
rng = np.random.default_rng(42)
for n in map(int, sys.argv[1].split(",")):
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    c = np.empty((n, n), dtype=np.float32)
    warm, reps = {256: (20, 30), 512: (8, 15), 1024: (3, 7), 2048: (1, 3)}[n]
    for _ in range(warm):
        np.matmul(a, b, out=c)
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        np.matmul(a, b, out=c)
        ts.append(time.perf_counter() - t)
    s = statistics.median(ts)
    print(json.dumps({"bench": "sgemm", "impl": "numpy-" + np.__version__, "n": n,
                      "threads": int(os.environ["OPENBLAS_NUM_THREADS"]), "gflops": round(2 * n ** 3 / s / 1e9, 2)}))
"""

# Workload -> (jgrad benchmark regex, peer bench name in torch_bench.py).
WORKLOADS = {
    "gemm": ("jgrad.bench.kernels.GemmLargeBench", "sgemm"),
    "lstm": ("jgrad.bench.models.LstmBench.sequence", "lstm"),
    "rnn": ("jgrad.bench.models.RnnBench.sequence", "rnn"),
    "attn": ("jgrad.bench.models.AttentionPoolBench", "attn"),
    "ncf": ("jgrad.bench.models.NcfTrainBench", "ncf"),
    "mf": ("jgrad.bench.models.MfTrainBench", "mf"),
    "mlp": ("jgrad.bench.models.MlpTrainBench", "mlp"),
    "gan": ("jgrad.bench.models.GanStepBench", "gan"),
    "topk": ("jgrad.bench.models.TopKBench", None),
}


class Sitting:
    """Runs the commands, keeps their outputs, and numbers each command for the table's tags."""

    def __init__(self, out_dir):
        self.out_dir = out_dir
        self.commands = []

    def run(self, tag, cmd, env=None, cwd=None):
        shown = " ".join(f"{k}={v}" for k, v in (env or {}).items()) + (" " if env else "") + " ".join(cmd)
        self.commands.append((tag, shown))
        print(f"[{tag}] {shown}", file=sys.stderr, flush=True)
        full_env = dict(os.environ, **(env or {}))
        started = time.time()
        proc = subprocess.run(cmd, env=full_env, cwd=cwd, capture_output=True, text=True)
        (self.out_dir / f"{tag}.out").write_text(proc.stdout)
        (self.out_dir / f"{tag}.err").write_text(proc.stderr)
        print(f"[{tag}] exit {proc.returncode} after {time.time() - started:.0f} s", file=sys.stderr, flush=True)
        if proc.returncode != 0:
            print(proc.stderr[-2000:], file=sys.stderr)
        return proc.stdout


def run_jmh(sitting, tag, regex, params, opts):
    result = sitting.out_dir / f"{tag}.json"
    cmd = [str(ROOT / "jgrad"), "bench", regex, *params, *opts, "-rf", "json", "-rff", str(result)]
    sitting.run(tag, cmd, cwd=ROOT)
    return json.loads(result.read_text()) if result.exists() else []


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def median_score(record):
    """The median of every measured iteration (JMH's own score is their mean)."""
    metric = record["primaryMetric"]
    values = [v for fork in metric.get("rawData", []) for v in fork]
    return statistics.median(values) if values else metric["score"]


def to_seconds(value, unit):
    scale = {"s/op": 1, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}[unit]
    return value * scale


def alloc_per_op(record):
    gc = record.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    return gc["score"] if gc else None


def jgrad_figures(records):
    """(workload key) -> (throughput, unit, bytes/op, JMH label) from the JMH records."""
    figures = {}
    for r in records:
        name = r["benchmark"].rsplit(".", 2)
        cls, method = name[-2], name[-1]
        p = r.get("params", {})
        secs = to_seconds(median_score(r), r["primaryMetric"]["scoreUnit"]) if r["mode"] == "avgt" else None
        label = f"{cls}.{method} {' '.join(f'{k}={v}' for k, v in sorted(p.items()))}".strip()
        alloc = alloc_per_op(r)
        if cls == "GemmLargeBench" and p.get("backend") == "simd":
            n = int(p["n"])
            threads = p.get("threads", "all")
            figures[("gemm", n, threads)] = (2 * n ** 3 / secs / 1e9, "GFLOP/s", alloc, label)
        elif cls in ("LstmBench", "RnnBench") and method == "sequence":
            figures[(cls, p.get("backend"))] = (64 / secs, "seq/s", alloc, label)
        elif cls == "AttentionPoolBench":
            figures[(cls, method, p.get("backend"))] = (1 / secs, "batches/s", alloc, label)
        elif cls in ("NcfTrainBench", "MfTrainBench"):
            figures[(cls, p.get("embeddings"), p.get("backend"))] = (256 / secs, "samples/s", alloc, label)
        elif cls == "MlpTrainBench":
            figures[(cls, p.get("backend"))] = (32 / secs, "samples/s", alloc, label)
        elif cls == "GanStepBench":
            figures[(cls, p.get("backend"))] = (1 / secs, "steps/s", alloc, label)
        elif cls == "TopKBench":
            pct = r["primaryMetric"]["scorePercentiles"]
            figures[(cls, method, p.get("backend"))] = ((pct["50.0"], pct["99.0"]), "us p50/p99", alloc, label)
    return figures


def fmt(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}"


def table(j, jtag, peers):
    """Rows: workload, jgrad figure [tag], peer figure [tag], ratio, target, bytes allocated per op."""
    rows = []

    def add(workload, jkey, peer, target):
        if jkey not in j:
            return
        value, unit, alloc, label = j[jkey]
        mine = f"{fmt(value)} {unit} [{jtag[jkey]}: {label}]"
        if peer is None:
            rows.append((workload, mine, "—", "—", target, alloc))
            return
        pvalue, ptag, pname = peer
        rows.append((workload, mine, f"{fmt(pvalue)} {unit} [{ptag}: {pname}]", f"{value / pvalue:.2f}×", target, alloc))

    for n in GEMM_SIZES:
        for threads, peer_threads, target in (("all", 2, "≥ 0.85×" if n == 1024 else ""), ("1", 1, "≥ 1.0×" if n == 1024 else "")):
            add(f"SGEMM n={n}, jgrad {threads} thr vs NumPy {peer_threads} thr", ("gemm", n, threads),
                peers.get(("numpy", n, peer_threads)), target)
            add(f"SGEMM n={n}, jgrad {threads} thr vs torch {peer_threads} thr", ("gemm", n, threads),
                peers.get(("torch-sgemm", n, peer_threads)), "")
    for backend in ("simd", "scalar"):
        add(f"LSTM fwd+bwd B64 T50 128→256 ({backend})", ("LstmBench", backend), peers.get("lstm"), "≥ 1.5×")
        add(f"RNN tanh fwd+bwd, same sizes ({backend})", ("RnnBench", backend), peers.get("rnn"), "≥ 1.5×")
        for method in ("tensorOps", "layer"):
            add(f"attention pooling fwd+bwd B64 T50 d128, {method} ({backend})", ("AttentionPoolBench", method, backend),
                peers.get("attn"), "≥ 1.5×")
        for emb in ("sparse", "lazy", "dense"):
            add(f"NCF/MLP train step B256, {emb} emb ({backend})", ("NcfTrainBench", emb, backend), peers.get("ncf"), "≥ 2×")
            add(f"MF dot+biases train step B256, {emb} emb ({backend})", ("MfTrainBench", emb, backend), peers.get("mf"), "≥ 2×")
        add(f"MLP 784-128-10 train step B32 ({backend})", ("MlpTrainBench", backend), peers.get("mlp"), "≥ 2×")
        add(f"GAN step B128 ({backend})", ("GanStepBench", backend), peers.get("gan"), "≥ 2×")
        for method in ("top10", "top10Serving"):
            key = ("TopKBench", method, backend)
            if key in j:
                (p50, p99), unit, alloc, label = j[key]
                rows.append((f"top-10 of 1,682 items, one user, {method} ({backend})",
                             f"p50 {p50:.0f} µs, p99 {p99:.0f} µs [{jtag[key]}: {label}]",
                             "—", "pass" if p99 < 1000 else "FAIL", "p99 < 1 ms", alloc))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--full", action="store_true", help="JMH with the benchmarks' own iteration settings")
    ap.add_argument("--only", default=",".join(WORKLOADS), help="comma list of " + ",".join(WORKLOADS))
    ap.add_argument("--no-gc", action="store_true", help="leave out JMH's -prof gc (bytes allocated per op)")
    ap.add_argument("--backends", default="simd", help="jgrad backends for the model rows: simd or simd,scalar")
    ap.add_argument("--peers", default=str(ROOT.parent / "shared" / "peers" / "torch_bench.py"))
    args = ap.parse_args()
    only = [w for w in args.only.split(",") if w]
    unknown = set(only) - set(WORKLOADS)
    if unknown:
        sys.exit(f"side-by-side: unknown workloads {sorted(unknown)}; known: {', '.join(WORKLOADS)}")

    out_dir = ROOT / "bench" / "target" / "side-by-side" / time.strftime("%Y%m%d-%H%M%S")
    out_dir.mkdir(parents=True)
    sitting = Sitting(out_dir)
    opts = ([] if args.full else QUICK) + ([] if args.no_gc else ["-prof", "gc"])

    # 1. jgrad: GEMM in its own JMH run (its params differ), the models in another.
    records, jtag = [], {}
    if "gemm" in only:
        recs = run_jmh(sitting, "J1", WORKLOADS["gemm"][0], ["-p", "backend=simd", "-p", "threads=all,1", "-p", "n=" + ",".join(map(str, GEMM_SIZES))], opts)
        records += recs
        jtag.update({k: "J1" for k in jgrad_figures(recs)})
    models = [WORKLOADS[w][0] for w in only if w != "gemm"]
    if models:
        recs = run_jmh(sitting, "J2", "(" + "|".join(models) + ")", ["-p", "backend=" + args.backends], opts)
        records += recs
        jtag.update({k: "J2" for k in jgrad_figures(recs)})
    j = jgrad_figures(records)

    # 2. PyTorch, one thread (its fastest setting here for training), then two threads for SGEMM.
    peers = {}
    torch_benches = [WORKLOADS[w][1] for w in only if WORKLOADS[w][1]]
    if Path(args.peers).exists() and Path(TORCH_PYTHON).exists() and torch_benches:
        for threads, benches, tag in ((1, torch_benches, "T1"), (2, ["sgemm"] if "gemm" in only else [], "T2")):
            if not benches:
                continue
            out = sitting.run(tag, [TORCH_PYTHON, args.peers, str(threads), ",".join(benches)], env=TORCH_ENV)
            for rec in json_lines(out):
                name = rec["bench"]
                if name == "sgemm":
                    peers[("torch-sgemm", rec["n"], threads)] = (rec["gflops"], tag, f"torch.mm {rec['threads']} thr")
                elif name in ("lstm_fwd_bwd", "rnn_fwd_bwd"):
                    peers[name[:-8]] = (rec["seq_per_s"], tag, name)
                elif name == "attn_pool_fwd_bwd":
                    peers["attn"] = (rec["batches_per_s"], tag, name)
                elif name.endswith("_train_epoch"):
                    peers[name[:-12]] = (rec["samples_per_s"], tag, name)
                elif name == "gan_step":
                    peers["gan"] = (rec["steps_per_s"], tag, name)
    else:
        print(f"side-by-side: no PyTorch peer ({args.peers} or {TORCH_PYTHON} missing)", file=sys.stderr)

    # 3. NumPy SGEMM with its own OpenBLAS, one and two threads.
    if "gemm" in only:
        script = out_dir / "numpy_sgemm.py"
        script.write_text(NUMPY_SGEMM)
        for threads, tag in ((1, "N1"), (2, "N2")):
            out = sitting.run(tag, ["python3", str(script), ",".join(map(str, GEMM_SIZES))],
                              env={"OPENBLAS_NUM_THREADS": str(threads)})
            for rec in json_lines(out):
                peers[("numpy", rec["n"], threads)] = (rec["gflops"], tag, f"{rec['impl']} matmul {threads} thr")

    rows = table(j, jtag, peers)
    print(f"\n# jgrad / peer, throughput ratio (above 1: jgrad faster), {time.strftime('%Y-%m-%d %H:%M')}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}\n")
    print("| workload | jgrad | peer | jgrad/peer | target | jgrad B/op |")
    print("|---|---|---|---|---|---|")
    for w, mine, peer, ratio, target, alloc in rows:
        print(f"| {w} | {mine} | {peer} | {ratio} | {target} | {'' if alloc is None else f'{alloc:,.0f}'} |")
    print("\nCommands:")
    for tag, cmd in sitting.commands:
        print(f"  [{tag}] {cmd}")
    print(f"\nRaw outputs: {out_dir}")
    (out_dir / "table.json").write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
