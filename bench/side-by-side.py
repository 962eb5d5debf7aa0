#!/usr/bin/env python3
"""jgrad beside PyTorch and NumPy, in one sitting: runs jgrad's JMH benchmarks, the peer script
(../shared/peers/torch_bench.py, PyTorch CPU) and NumPy's SGEMM, then prints a table of ratios
jgrad/peer in throughput (above 1: jgrad is faster), medians, each figure tagged with the command that
produced it. The SGEMM's JMH forks run one at a time with a NumPy round before and after each
(N J N J N J N), and the model rows' forks with a PyTorch round before and after each (T J T J T J T),
so that both sides' medians span the same minutes of a host whose speed drifts.

    bench/side-by-side.py            quick: JMH -f 3 -wi 6 -i 3 -w 2s -r 1s (three forks), about half an hour
    bench/side-by-side.py --full     JMH with the benchmarks' own iteration settings (and at least 3 forks)
    bench/side-by-side.py --only gemm,lstm --no-gc
    bench/side-by-side.py --width 256 --only gemm    both sides at 256 bits on an AVX-512 machine:
                                     jgrad with -XX:UseAVX=2, OpenBLAS with its Haswell kernels
    bench/side-by-side.py --only conv,textcnn,charlstm,fashion    issue 14's workloads: the JMH benchmarks
                                     against bench/torch_twins.py, and fashion-cnn's training run (five epochs,
                                     ./jgrad example fashion-cnn) against bench/fashion_cnn_torch.py

The CPU is read from /proc/cpuinfo and printed with the table, with jgrad's vector width and GEMM plan
(./jgrad info) and the date. OpenBLAS is told a core type only when the CPU can run it (SkylakeX with
AVX-512 F/BW/DQ/VL, Haswell with AVX2+FMA), never otherwise; at 256 bits on an AVX-512 CPU oneDNN (PyTorch's
convolutions) and ATen are held to AVX2 as well, and the instruction set oneDNN reports is printed (a wider one
than the sitting's fails it). A peer that fails (non-zero exit, or no
figure for a workload that was asked of it) or is missing makes the script exit 1 and say which, after
printing what it has; --no-torch leaves PyTorch out on purpose. Each jgrad figure is the median over
forks of each fork's median, with the spread between forks (lowest-highest fork, and highest/lowest - 1).

Run it with the python3 that has NumPy (the one first on PATH); PyTorch is run with /usr/bin/python3
as the peers' README says. Raw outputs go to bench/target/side-by-side/<time>/.
"""
import argparse
import copy
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Vector API code runs 10-100x slower until C2 has compiled it, and on a loaded 2-core machine that
# took about 20 s of a benchmark's life here: hence 8 warm-up iterations of 2 s even in quick mode.
# Three forks at least: one fork's error bar hides the differences between JVMs (JIT order, placement),
# which once made the LSTM 81 ms in one fork and 225 ms in another.
FORKS = 3
QUICK = ["-f", str(FORKS), "-wi", "6", "-i", "3", "-w", "2s", "-r", "1s"]
TORCH_PYTHON = "/usr/bin/python3"
TORCH_LIBS = {"LD_LIBRARY_PATH": "/usr/lib/x86_64-linux-gnu/openblas-openmp"}
GEMM_SIZES = (256, 1024, 2048)
GEMM_TARGET = "≥ 0.9×"


def cpu_info(path="/proc/cpuinfo"):
    """(model name, set of flags) of the first CPU; empty when unreadable (not Linux)."""
    model, flags = "unknown CPU", set()
    try:
        for line in Path(path).read_text().splitlines():
            key, _, value = line.partition(":")
            key = key.strip()
            if key == "model name" and model == "unknown CPU":
                model = value.strip()
            elif key in ("flags", "Features") and not flags:
                flags = set(value.split())
    except OSError:
        pass
    return model, flags


def peer_width_env(flags, width):
    """The environment that holds the peers' libraries to the sitting's vector width: OpenBLAS's kernel family
    (SkylakeX or Haswell, only what the CPU can run), and at 256 bits on an AVX-512 CPU oneDNN's and ATen's
    instruction sets too (PyTorch's convolutions are oneDNN's: left alone it runs its avx512_core kernels while
    jgrad runs -XX:UseAVX=2, which is not the AVX2 machine the sitting stands for)."""
    env = {}
    coretype = openblas_coretype(flags, width)
    if coretype:
        env["OPENBLAS_CORETYPE"] = coretype
    if width == 256 and "avx512f" in flags:
        env.update({"ONEDNN_MAX_CPU_ISA": "AVX2", "ATEN_CPU_CAPABILITY": "avx2"})
    return env


# One small convolution, fwd+bwd, with oneDNN's verbose log on: the log's "isa:" line says which instruction
# set oneDNN dispatches to under the sitting's environment, and its "exec" lines which kernels ran.
ONEDNN_PROBE = "import torch; torch.nn.Conv2d(3, 4, 3)(torch.randn(2, 3, 8, 8, requires_grad=True)).sum().backward()"


def onednn_isa(sitting, env, width):
    """oneDNN's instruction set under env ('Intel AVX2', ...), from its verbose log; a failure of the sitting
    when it is wider than the sitting's width (the peer would not be measured on the CPU it stands for)."""
    out, _ = sitting.run("T0", [TORCH_PYTHON, "-c", ONEDNN_PROBE], env={**env, "ONEDNN_VERBOSE": "1"})
    isa = next((line.split("isa:", 1)[1].strip() for line in out.splitlines() if ",isa:" in line), "?")
    kernels = sorted({line.split(",")[5] for line in out.splitlines()
                      if line.startswith("onednn_verbose,exec,cpu,convolution")})
    if width == 256 and ("512" in isa or any("avx512" in k for k in kernels)):
        sitting.fail("T0", f"oneDNN runs {isa} ({', '.join(kernels)}) in a 256-bit sitting")
    return f"{isa} ({', '.join(kernels) or 'no convolution ran'})"


def openblas_coretype(flags, width):
    """The OpenBLAS kernel family for the asked width that this CPU can run, or None (OpenBLAS detects).
    Only a type whose instructions are all in the flags is ever named: a wrong one dies with SIGILL."""
    avx512 = {"avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"} <= flags
    avx2 = {"avx2", "fma"} <= flags
    if width == 512 and avx512:
        return "SkylakeX"
    if avx2:
        return "Haswell"
    return None


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
    # Issue 14's workloads: their PyTorch twins are in bench/torch_twins.py (TWINS below), not torch_bench.py.
    "conv": ("jgrad.bench.models.ConvBench", "conv"),
    "textcnn": ("jgrad.bench.models.TextCnnStepBench", "textcnn"),
    "charlstm": ("jgrad.bench.models.CharLstmStepBench", "charlstm"),
    # The whole training run of ./jgrad example fashion-cnn (its five epochs) against bench/fashion_cnn_torch.py --time.
    "fashion": (None, None),
    # Issue 15: SASRec and GRU4Rec training steps, peers in bench/next-item-peers.py (not torch_bench.py), and
    # serving one user (no peer; target p99 < 1 ms).
    "nextitem": ("jgrad.bench.sequence.NextItemStepBench", None),
    "seqserve": ("jgrad.bench.sequence.NextItemServeBench", None),
}
NEXT_ITEM_PEERS = ROOT / "bench" / "next-item-peers.py"
SERVE_TARGET_US = 1000
TWINS = ROOT / "bench" / "torch_twins.py"
TWIN_BENCHES = {"conv", "textcnn", "charlstm"}
FASHION_TWIN = ROOT / "bench" / "fashion_cnn_torch.py"
FASHION_EPOCH_LINE = re.compile(r"^epoch \d+\s+train ([0-9.]+) s", re.M)
# The example's own run: the first epoch carries the JIT's warm-up (about 6 s of Vector API code in the
# interpreter and C2 compiling on the same two cores), which a run of five epochs amortizes as a user's does.
FASHION_EPOCHS = 5
# jgrad runs of fashion-cnn in a sitting, each between two PyTorch runs.
FASHION_RUNS = 2


class Sitting:
    """Runs the commands, keeps their outputs, and numbers each command for the table's tags."""

    def __init__(self, out_dir):
        self.out_dir = out_dir
        self.commands = []
        self.failures = []     # (tag, what failed and how)

    def fail(self, tag, why):
        self.failures.append((tag, why))
        print(f"[{tag}] FAILED: {why}", file=sys.stderr, flush=True)

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
            signal = f" (killed by signal {-proc.returncode})" if proc.returncode < 0 else ""
            self.fail(tag, f"{cmd[0]} exited {proc.returncode}{signal}; see {self.out_dir / (tag + '.err')}")
        return proc.stdout, proc.stderr


def run_jmh(sitting, tag, regex, params, opts):
    result = sitting.out_dir / f"{tag}.json"
    cmd = [str(ROOT / "jgrad"), "bench", regex, *params, *opts, "-rf", "json", "-rff", str(result)]
    sitting.run(tag, cmd, cwd=ROOT)
    records = json.loads(result.read_text()) if result.exists() else []
    if not records:
        sitting.fail(tag, f"jgrad's JMH run produced no results for {regex}")
    return records


def without_forks(opts):
    """JMH options without their -f N, and N (FORKS when absent)."""
    rest, forks, i = [], FORKS, 0
    while i < len(opts):
        if opts[i] == "-f":
            forks, i = int(opts[i + 1]), i + 2
        else:
            rest, i = rest + [opts[i]], i + 1
    return rest, forks


def merge_forks(runs):
    """The JMH records of several one-fork runs of the same benchmarks, as one run of that many forks (each
    fork's raw iterations kept apart; a latency (sample-mode) record keeps the percentiles of the fork with the
    highest p99, and a secondary metric, such as bytes per op, is the largest fork's score: what a service
    would see from its worst JVM)."""
    merged = {}
    for records in runs:
        for r in records:
            key = (r["benchmark"], json.dumps(r.get("params", {}), sort_keys=True))
            if key not in merged:
                merged[key] = copy.deepcopy(r)
                continue
            kept_metric, metric = merged[key]["primaryMetric"], r["primaryMetric"]
            for raw in ("rawData", "rawDataHistogram"):
                if raw in metric:
                    kept_metric.setdefault(raw, []).extend(metric[raw])
            if r.get("mode") == "sample" and metric.get("scorePercentiles", {}).get("99.0", 0) > \
                    kept_metric.get("scorePercentiles", {}).get("99.0", 0):
                kept_metric["scorePercentiles"] = metric["scorePercentiles"]
            kept = merged[key].setdefault("secondaryMetrics", {})
            for name, metric in r.get("secondaryMetrics", {}).items():
                if name not in kept or metric.get("score", 0) > kept[name].get("score", 0):
                    kept[name] = copy.deepcopy(metric)
    return list(merged.values())


def gemm_interleaved(sitting, opts, blas_env, peers, cores):
    """jgrad's GEMM forks and NumPy's SGEMM (its own OpenBLAS, one and two threads) in turn: NumPy, fork 1,
    NumPy, fork 2, ..., NumPy. This host's speed drifts by 20-40 % over minutes (another VM on the same cores),
    so a NumPy figure taken in the one second after five minutes of jgrad compared two different machines;
    taken between the forks, each side's median spans the same minutes. NumPy's figure is the median of its
    rounds, shown with their range. Returns jgrad's records, merged as one run of that many forks."""
    script = sitting.out_dir / "numpy_sgemm.py"
    script.write_text(NUMPY_SGEMM)
    rest, forks = without_forks(opts)
    params = ["-p", "backend=simd", "-p", "threads=all,1", "-p", "n=" + ",".join(map(str, GEMM_SIZES))]
    runs, rounds = [], {}
    for i in range(forks + 1):
        for threads in (1, 2):
            tag = f"N{threads}.{i + 1}"
            out, err = sitting.run(tag, ["python3", str(script), ",".join(map(str, GEMM_SIZES))],
                                   env={"OPENBLAS_NUM_THREADS": str(threads), **blas_env})
            cores[f"N{threads}"] = core_of(err)
            got = set()
            for rec in json_lines(out):
                rounds.setdefault((rec["n"], threads), []).append((rec["gflops"], rec["impl"]))
                got.add(rec["n"])
            if set(GEMM_SIZES) - got:
                sitting.fail(tag, f"NumPy gave no figure for n = {sorted(set(GEMM_SIZES) - got)}")
        if i < forks:
            runs.append(run_jmh(sitting, f"J1.{i + 1}", WORKLOADS["gemm"][0], params, rest + ["-f", "1"]))
    for (n, threads), figures in rounds.items():
        values = sorted(v for v, _ in figures)
        peers[("numpy", n, threads)] = (statistics.median(values), f"N{threads}",
                                        f"{figures[0][1]} matmul {threads} thr, median of {len(values)} rounds "
                                        f"{fmt(values[0])}–{fmt(values[-1])}")
    return merge_forks(runs)


def torch_figures(sitting, tag, cmd, env, benches, cores):
    """One run of the PyTorch peer script: {peer key: (figure, tag, label)}; a figure it did not give for one of
    the benches asked, or a run without OpenBLAS, fails the sitting."""
    out, err = sitting.run(tag, cmd, env=env)
    base = tag.split(".")[0]
    cores[base] = core_of(err)
    if cores[base] == "?":
        sitting.fail(tag, "PyTorch ran without OpenBLAS (it named no core with OPENBLAS_VERBOSE=2), so on "
                     "the reference BLAS: apt-get install -y libopenblas0-openmp")
    figures, got = {}, set()         # got: the bench names (as asked of the script) that gave a figure
    for rec in json_lines(out):
        name = rec["bench"]
        if name == "sgemm":
            key = ("torch-sgemm", rec["n"], rec["threads"])
            figures[key] = (rec["gflops"], base, f"torch.mm {rec['threads']} thr")
            got.add("sgemm")
        elif name in ("lstm_fwd_bwd", "rnn_fwd_bwd"):
            figures[name[:-8]] = (rec["seq_per_s"], base, name)
            got.add(name[:-8])
        elif name == "attn_pool_fwd_bwd":
            figures["attn"] = (rec["batches_per_s"], base, name)
            got.add("attn")
        elif name.endswith("_train_epoch"):
            figures[name[:-12]] = (rec["samples_per_s"], base, name)
            got.add(name[:-12])
        elif name == "gan_step":
            figures["gan"] = (rec["steps_per_s"], base, name)
            got.add("gan")
    missing = sorted(set(benches) - got)
    if missing:
        sitting.fail(tag, f"PyTorch gave no figure for {', '.join(missing)}")
    return figures


def models_interleaved(sitting, regex, params, opts, torch_round, peers):
    """jgrad's model forks and PyTorch's rounds in turn: T, fork 1, T, fork 2, ..., T, as gemm_interleaved does
    with NumPy, so that both sides' medians span the same minutes (a PyTorch run after all of jgrad's forks once
    met the host at half its speed: MLP 28,013 samples/s against 58,725 two hours before). PyTorch's figure is the
    median of its rounds, shown with their range. Returns jgrad's records, merged as one run of that many forks."""
    rest, forks = without_forks(opts)
    runs, rounds = [], {}
    for i in range(forks + 1):
        for key, figure in torch_round(f"T1.{i + 1}").items():
            rounds.setdefault(key, []).append(figure)
        if i < forks:
            runs.append(run_jmh(sitting, f"J2.{i + 1}", regex, params, rest + ["-f", "1"]))
    for key, figures in rounds.items():
        values = sorted(v for v, _, _ in figures)
        peers[key] = (statistics.median(values), figures[0][1],
                      f"{figures[0][2]}, median of {len(values)} rounds {fmt(values[0])}–{fmt(values[-1])}")
    return merge_forks(runs)


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def fork_medians(record):
    """Each fork's median over its measured iterations."""
    return [statistics.median(fork) for fork in record["primaryMetric"].get("rawData", []) if fork]


def median_score(record):
    """The median over forks of each fork's median (JMH's own score is the mean of all iterations)."""
    forks = fork_medians(record)
    return statistics.median(forks) if forks else record["primaryMetric"]["score"]


def fork_spread(record, to_throughput):
    """'lo–hi (+x %), N forks' in throughput units, from the forks' medians; '' with one fork."""
    values = sorted(to_throughput(v) for v in fork_medians(record))
    if len(values) < 2:
        return f"{len(values)} fork"
    return f"{fmt(values[0])}–{fmt(values[-1])} (+{100 * (values[-1] / values[0] - 1):.0f} %), {len(values)} forks"


def to_seconds(value, unit):
    scale = {"s/op": 1, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}[unit]
    return value * scale


def alloc_per_op(record):
    gc = record.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    return gc["score"] if gc else None


def jgrad_figures(records):
    """(workload key) -> (throughput, unit, bytes/op, JMH label, spread between forks) from the JMH records."""
    figures = {}
    for r in records:
        unit = r["primaryMetric"]["scoreUnit"]
        name = r["benchmark"].rsplit(".", 2)
        cls, method = name[-2], name[-1]
        p = r.get("params", {})
        secs = to_seconds(median_score(r), r["primaryMetric"]["scoreUnit"]) if r["mode"] == "avgt" else None
        label = f"{cls}.{method} {' '.join(f'{k}={v}' for k, v in sorted(p.items()))}".strip()
        alloc = alloc_per_op(r)

        def put(key, work, unit_name):
            per_op = lambda v: work / to_seconds(v, unit)
            figures[key] = (work / secs, unit_name, alloc, label, fork_spread(r, per_op))

        if cls == "GemmLargeBench" and p.get("backend") == "simd":
            n = int(p["n"])
            put(("gemm", n, p.get("threads", "all")), 2 * n ** 3 / 1e9, "GFLOP/s")
        elif cls in ("LstmBench", "RnnBench") and method == "sequence":
            put((cls, p.get("backend")), 64, "seq/s")
        elif cls == "AttentionPoolBench":
            put((cls, method, p.get("backend")), 1, "batches/s")
        elif cls in ("NcfTrainBench", "MfTrainBench"):
            put((cls, p.get("embeddings"), p.get("backend")), 256, "samples/s")
        elif cls == "MlpTrainBench":
            put((cls, p.get("backend")), 32, "samples/s")
        elif cls == "GanStepBench":
            put((cls, p.get("backend")), 1, "steps/s")
        elif cls == "ConvBench":
            put((cls, p.get("backend")), 64, "images/s")
        elif cls == "TextCnnStepBench":
            put((cls, p.get("length"), p.get("backend")), 50, "sentences/s")
        elif cls == "CharLstmStepBench":
            put((cls, p.get("hidden"), p.get("backend")), 64, "lines/s")
        elif cls == "NextItemStepBench":
            put((cls, p.get("model"), p.get("backend")), 1, "steps/s")
        elif cls == "NextItemServeBench":
            pct = r["primaryMetric"]["scorePercentiles"]
            figures[(cls, method, p.get("model"), p.get("length"), p.get("backend"))] = (
                (pct["50.0"], pct["99.0"]), "us p50/p99", alloc, label, "")
        elif cls == "TopKBench":
            pct = r["primaryMetric"]["scorePercentiles"]
            figures[(cls, method, p.get("backend"))] = ((pct["50.0"], pct["99.0"]), "us p50/p99", alloc, label, "")
    return figures


def fmt(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}"


def table(j, jtag, peers):
    """Rows: workload, jgrad figure [tag], spread between forks, peer figure [tag], ratio, target, bytes/op."""
    rows = []

    def add(workload, jkey, peer, target):
        if jkey not in j:
            return
        value, unit, alloc, label, spread = j[jkey]
        mine = f"{fmt(value)} {unit} [{jtag[jkey]}: {label}]"
        if peer is None:
            rows.append((workload, mine, spread, "—", "—", target, alloc))
            return
        pvalue, ptag, pname = peer
        rows.append((workload, mine, spread, f"{fmt(pvalue)} {unit} [{ptag}: {pname}]", f"{value / pvalue:.2f}×",
                     target, alloc))

    for n in GEMM_SIZES:
        for threads, peer_threads, target in (("all", 2, GEMM_TARGET), ("1", 1, GEMM_TARGET)):
            add(f"SGEMM n={n}, jgrad {threads} thr vs NumPy {peer_threads} thr", ("gemm", n, threads),
                peers.get(("numpy", n, peer_threads)), target)
            if ("torch-sgemm", n, peer_threads) in peers:
                add(f"SGEMM n={n}, jgrad {threads} thr vs torch {peer_threads} thr", ("gemm", n, threads),
                    peers[("torch-sgemm", n, peer_threads)], "")
    for backend in ("simd", "scalar"):
        add(f"LSTM fwd+bwd B64 T50 128→256 ({backend})", ("LstmBench", backend), peers.get("lstm"), "≥ 1.5×")
        add(f"RNN tanh fwd+bwd, same sizes ({backend})", ("RnnBench", backend), peers.get("rnn"), "≥ 1.5×")
        # The target is the layer's; the same math composed of tensor ops is shown for comparison.
        for method, target in (("tensorOps", ""), ("layer", "≥ 1.5×")):
            add(f"attention pooling fwd+bwd B64 T50 d128, {method} ({backend})", ("AttentionPoolBench", method, backend),
                peers.get("attn"), target)
        for emb in ("sparse", "lazy", "dense"):
            add(f"NCF/MLP train step B256, {emb} emb ({backend})", ("NcfTrainBench", emb, backend), peers.get("ncf"), "≥ 2×")
            add(f"MF dot+biases train step B256, {emb} emb ({backend})", ("MfTrainBench", emb, backend), peers.get("mf"), "≥ 2×")
        add(f"MLP 784-128-10 train step B32 ({backend})", ("MlpTrainBench", backend), peers.get("mlp"), "≥ 2×")
        add(f"GAN step B128 ({backend})", ("GanStepBench", backend), peers.get("gan"), "≥ 2×")
        add(f"fashion-cnn convolutions fwd+bwd B64 28×28 ({backend})", ("ConvBench", backend), peers.get("conv"),
            "≥ 1.5×")
        for length in ("24", "64"):
            add(f"sentiment CNN train step B50 L{length} ({backend})", ("TextCnnStepBench", length, backend),
                peers.get(("textcnn", length)), "≥ 1.5×")
        for hidden in ("128", "256"):
            add(f"char-LSTM train step B64 T45 2×{hidden} ({backend})", ("CharLstmStepBench", hidden, backend),
                peers.get(("charlstm", hidden)), "≥ 1.5×")
        for name in ("sasrec", "sasrec-prenorm", "gru4rec"):
            add(f"{name} train step B128 T200 ({backend})", ("NextItemStepBench", name, backend), peers.get(name),
                "≥ 1.5×")
            for method in ("scoreHistory", "scoreKnownUser"):
                for length in ("50", "200"):
                    key = ("NextItemServeBench", method, name, length, backend)
                    if key in j:
                        (p50, p99), unit, alloc, label, _ = j[key]
                        rows.append((f"{name}: all 1,682 items for one user, {method}, history {length} ({backend})",
                                     f"p50 {p50:.0f} µs, p99 {p99:.0f} µs [{jtag[key]}: {label}]", "", "—",
                                     "pass" if p99 < SERVE_TARGET_US else "FAIL", f"p99 < {SERVE_TARGET_US} µs", alloc))
        add(f"fashion-cnn training, {FASHION_EPOCHS} epochs of 60,000 images, B64, mean ({backend})", ("fashion", backend), peers.get("fashion"),
            "")
        add(f"fashion-cnn training, epochs 2–{FASHION_EPOCHS} alone, mean ({backend})", ("fashion-steady", backend),
            peers.get("fashion-steady"), "≥ 1×")
        # The target is the serving path's (forServing()); the model's own path is shown for comparison.
        for method, served in (("top10", False), ("top10Serving", True)):
            key = ("TopKBench", method, backend)
            if key in j:
                (p50, p99), unit, alloc, label, _ = j[key]
                verdict = ("pass" if p99 < 300 else "FAIL") if served else "—"
                rows.append((f"top-10 of 1,682 items, one user, {method} ({backend})",
                             f"p50 {p50:.0f} µs, p99 {p99:.0f} µs [{jtag[key]}: {label}]", "",
                             "—", verdict, "p99 < 300 µs" if served else "", alloc))
    return rows


def jgrad_info(sitting):
    """(vector line, GEMM plan line) of ./jgrad info under the JVM flags the benchmarks get."""
    out, _ = sitting.run("I", [str(ROOT / "jgrad"), "info"], env=sitting.jgrad_env, cwd=ROOT)
    vector = next((l for l in out.splitlines() if l.startswith("vector API")), "vector API ?")
    gemm = next((l for l in out.splitlines() if l.startswith("SIMD GEMM")), "SIMD GEMM ?")
    return vector.split(None, 2)[-1], gemm.split(None, 2)[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--full", action="store_true", help="JMH with the benchmarks' own iteration settings")
    ap.add_argument("--only", default=",".join(WORKLOADS), help="comma list of " + ",".join(WORKLOADS))
    ap.add_argument("--no-gc", action="store_true", help="leave out JMH's -prof gc (bytes allocated per op)")
    ap.add_argument("--no-torch", action="store_true", help="leave PyTorch out (otherwise its absence is a failure)")
    ap.add_argument("--backends", default="simd", help="jgrad backends for the model rows: simd or simd,scalar")
    ap.add_argument("--width", type=int, choices=(256, 512), default=None,
                    help="vector width for both sides (default: the widest this CPU has); 256 on an AVX-512 CPU "
                         "runs jgrad with -XX:UseAVX=2 and OpenBLAS with its Haswell kernels")
    ap.add_argument("--peers", default=str(ROOT.parent / "shared" / "peers" / "torch_bench.py"))
    args = ap.parse_args()
    only = [w for w in args.only.split(",") if w]
    unknown = set(only) - set(WORKLOADS)
    if unknown:
        sys.exit(f"side-by-side: unknown workloads {sorted(unknown)}; known: {', '.join(WORKLOADS)}")

    model, flags = cpu_info()
    widest = 512 if "avx512f" in flags else 256 if "avx2" in flags else 128
    width = args.width or widest
    if width > widest:
        sys.exit(f"side-by-side: --width {width}: this CPU ({model}) has no {width}-bit vectors")
    width_env = peer_width_env(flags, width)
    coretype = width_env.get("OPENBLAS_CORETYPE")
    blas_env = {"OPENBLAS_VERBOSE": "2", **width_env}
    jvm_extra = ["-XX:UseAVX=2"] if width == 256 and widest == 512 else []

    out_dir = ROOT / "bench" / "target" / "side-by-side" / time.strftime("%Y%m%d-%H%M%S")
    out_dir.mkdir(parents=True)
    sitting = Sitting(out_dir)
    sitting.jgrad_env = {"JGRAD_JAVA_OPTS": " ".join(jvm_extra)} if jvm_extra else None
    started = time.strftime("%Y-%m-%d %H:%M %Z")
    load_start = os.getloadavg()[0]
    opts = ([] if args.full else QUICK) + ([] if args.no_gc else ["-prof", "gc"])
    if args.full:
        opts += ["-f", str(FORKS)]
    if jvm_extra:
        opts += ["-jvmArgsAppend", " ".join(jvm_extra)]
    vector, gemm_plan = jgrad_info(sitting)

    dnnl = "—"
    if not args.no_torch and Path(TORCH_PYTHON).exists():
        dnnl = onednn_isa(sitting, {**TORCH_LIBS, **width_env}, width)

    # 1. jgrad: GEMM in its own JMH run (its params differ), the models in another.
    records, jtag = [], {}
    peers, cores = {}, {}
    if "gemm" in only:
        recs = gemm_interleaved(sitting, opts, blas_env, peers, cores)
        records += recs
        jtag.update({k: "J1" for k in jgrad_figures(recs)})
    # 2. PyTorch, one thread (its fastest setting here for training), between jgrad's model forks when there
    #    are models (T J T J T J T, as the SGEMM), then two threads for SGEMM.
    torch_benches = [WORKLOADS[w][1] for w in only if WORKLOADS[w][1] and WORKLOADS[w][1] not in TWIN_BENCHES]
    torch_ready = bool(torch_benches) and not args.no_torch
    if torch_ready and not (Path(args.peers).exists() and Path(TORCH_PYTHON).exists()):
        sitting.fail("T", f"no PyTorch peer ({args.peers} or {TORCH_PYTHON} missing); --no-torch to leave it out")
        torch_ready = False

    def torch_round(tag, threads, benches):
        return torch_figures(sitting, tag, [TORCH_PYTHON, args.peers, str(threads), ",".join(benches)],
                             {**TORCH_LIBS, **blas_env}, benches, cores)

    models = [WORKLOADS[w][0] for w in only if w != "gemm" and WORKLOADS[w][0]]
    model_params = ["-p", "backend=" + args.backends]
    if models:
        regex = "(" + "|".join(models) + ")"
        if torch_ready:
            recs = models_interleaved(sitting, regex, model_params, opts,
                                      lambda tag: torch_round(tag, 1, torch_benches), peers)
        else:
            recs = run_jmh(sitting, "J2", regex, model_params, opts)
        records += recs
        jtag.update({k: "J2" for k in jgrad_figures(recs)})
    j = jgrad_figures(records)
    if torch_ready:
        rounds = [] if models else [(1, torch_benches, "T1")]
        rounds += [(2, ["sgemm"], "T2")] if "gemm" in only else []
        for threads, benches, tag in rounds:
            peers.update(torch_round(tag, threads, benches))

    # 2b. The next-item training steps in PyTorch, one thread (bench/next-item-peers.py).
    if "nextitem" in only and not args.no_torch:
        if not NEXT_ITEM_PEERS.exists() or not Path(TORCH_PYTHON).exists():
            sitting.fail("T3", f"no next-item peer ({NEXT_ITEM_PEERS} or {TORCH_PYTHON} missing)")
        else:
            out, err = sitting.run("T3", [TORCH_PYTHON, str(NEXT_ITEM_PEERS), "1"], env={**TORCH_LIBS, **blas_env})
            cores["T3"] = core_of(err)
            for rec in json_lines(out):
                if rec["bench"].endswith("_train_step"):
                    name = rec["bench"][:-len("_train_step")]
                    peers[name] = (1000 / rec["ms_per_step"], "T3", f"{rec['bench']} {rec['threads']} thr")
            missing = sorted({"sasrec", "sasrec-prenorm", "gru4rec"} - set(peers))
            if missing:
                sitting.fail("T3", f"PyTorch gave no figure for {', '.join(missing)}")

    twins = [w for w in only if w in TWIN_BENCHES]
    if twins and not args.no_torch:
        torch_twins(sitting, twins, peers, {**TORCH_LIBS, **blas_env})
    if "fashion" in only:
        fashion_epochs(sitting, j, jtag, peers, args.no_torch, {**TORCH_LIBS, **blas_env})

    rows = table(j, jtag, peers)
    print(f"\n# jgrad / peer, throughput ratio (above 1: jgrad faster)\n")
    print(f"- date: {started} to {time.strftime('%H:%M %Z')}; load average {load_start:.1f} at the start, "
          f"{os.getloadavg()[0]:.1f} at the end; {os.cpu_count()} CPUs")
    print(f"- CPU: {model}; {'AVX-512' if widest == 512 else 'AVX2' if widest == 256 else 'no AVX2'}"
          f"{'+FMA' if 'fma' in flags else ''}; this sitting at {width} bits"
          f"{' (jgrad ' + ' '.join(jvm_extra) + ')' if jvm_extra else ''}")
    print(f"- jgrad: {vector}; GEMM {gemm_plan}")
    print(f"- OpenBLAS core: {', '.join(f'[{t}] {c}' for t, c in cores.items()) or '—'}"
          f"{' (OPENBLAS_CORETYPE=' + coretype + ')' if coretype else ' (autodetected)'}")
    print(f"- oneDNN (PyTorch's convolutions): {dnnl}")
    print(f"- JMH: {' '.join(opts)}\n")
    print("| workload | jgrad | jgrad between forks | peer | jgrad/peer | target | jgrad B/op |")
    print("|---|---|---|---|---|---|---|")
    for w, mine, spread, peer, ratio, target, alloc in rows:
        print(f"| {w} | {mine} | {spread} | {peer} | {ratio} | {target} | {'' if alloc is None else f'{alloc:,.0f}'} |")
    print("\nCommands:")
    for tag, cmd in sitting.commands:
        print(f"  [{tag}] {cmd}")
    print(f"\nRaw outputs: {out_dir}")
    (out_dir / "table.json").write_text(json.dumps(rows, indent=1))
    if sitting.failures:
        print("\nFAILED:", file=sys.stderr)
        for tag, why in sitting.failures:
            print(f"  [{tag}] {why}", file=sys.stderr)
        sys.exit(1)


def torch_twins(sitting, twins, peers, env):
    """Issue 14's PyTorch twins (bench/torch_twins.py) into peers, keyed as table() reads them: each workload at
    PyTorch's faster of one thread and all cores (jgrad's benchmarks run on all cores; for the MLP-sized model
    rows one thread is PyTorch's fastest, for a batch of 64 images through oneDNN's convolutions it need not be)."""
    if not Path(TORCH_PYTHON).exists():
        sitting.fail("T3", f"no {TORCH_PYTHON} for bench/torch_twins.py; --no-torch to leave PyTorch out")
        return
    got = set()
    for tag, threads in (("T3.1", 1), ("T3.2", os.cpu_count())):
        out, _ = sitting.run(tag, [TORCH_PYTHON, str(TWINS), str(threads), ",".join(twins)], env=env)
        for rec in json_lines(out):
            if rec["bench"] == "conv_fwd_bwd":
                key, figure, label, name = "conv", rec["images_per_s"], "conv_fwd_bwd", "conv"
            elif rec["bench"] == "textcnn_step":
                key, figure, name = ("textcnn", str(rec["length"])), rec["sentences_per_s"], "textcnn"
                label = f"textcnn_step L{rec['length']}"
            elif rec["bench"] == "charlstm_step":
                key, figure, name = ("charlstm", str(rec["hidden"])), rec["lines_per_s"], "charlstm"
                label = f"charlstm_step H{rec['hidden']}"
            else:
                continue
            got.add(name)
            if key not in peers or figure > peers[key][0]:
                peers[key] = (figure, tag, f"{label}, {threads} thread{'s' if threads > 1 else ''} (the faster)")
    if set(twins) - got:
        sitting.fail("T3", f"PyTorch gave no figure for {', '.join(sorted(set(twins) - got))}")


def fashion_epochs(sitting, j, jtag, peers, no_torch, env):
    """fashion-cnn's training run on both sides, both on all cores, in turn: PyTorch, jgrad, PyTorch, jgrad,
    PyTorch (T J T J T, FASHION_RUNS jgrad runs). Each run gives its mean epoch over FASHION_EPOCHS epochs and over
    epochs 2..N; each side's figure is the median of its runs, as epochs per hour (above 1: jgrad faster), the
    runs' range in the label and the spread column. The target row compares epochs 2..N alone: jgrad's first
    epoch carries the JIT's warm-up, and on this project's VMs the first process of a sitting (whichever side ran
    first) took 3-4x as long over its first epoch (45.7 against 16.7 s for the same PyTorch command run next,
    2026-12-07), an effect of the machine that an epoch-1 figure would fold into the ratio. One run per side
    put 0.73x and 0.85x on the same build twenty minutes apart: the host drifts, so both sides span the same
    minutes."""
    threads = str(os.cpu_count())
    torch_runs, jgrad_runs = [], []

    def torch_run(tag):
        out, _ = sitting.run(tag, [TORCH_PYTHON, str(FASHION_TWIN), "--time", "--epochs", str(FASHION_EPOCHS),
                                   "--threads", threads], env=env)
        rec = next((r for r in json_lines(out) if r["bench"] == "fashion_cnn_epoch"), None)
        if rec is None:
            sitting.fail(tag, "bench/fashion_cnn_torch.py printed no seconds per epoch")
        else:
            torch_runs.append(rec["epoch_seconds"])

    def jgrad_run(tag):
        out, _ = sitting.run(tag, [str(ROOT / "jgrad"), "example", "fashion-cnn", "--epochs", str(FASHION_EPOCHS)],
                             env=sitting.jgrad_env, cwd=ROOT)
        epochs = [float(x) for x in FASHION_EPOCH_LINE.findall(out)]
        if len(epochs) != FASHION_EPOCHS:
            sitting.fail(tag, "./jgrad example fashion-cnn printed no seconds per training epoch")
        else:
            jgrad_runs.append(epochs)

    for r in range(FASHION_RUNS):
        if not no_torch:
            torch_run(f"T4.{r + 1}")
        jgrad_run(f"J3.{r + 1}")
    if not no_torch:
        torch_run(f"T4.{FASHION_RUNS + 1}")
    for key, first in (("fashion", 0), ("fashion-steady", 1)):
        epochs = f"epochs {first + 1}–{FASHION_EPOCHS}"
        if torch_runs:
            means = [statistics.mean(run[first:]) for run in torch_runs]
            label = (f"fashion_cnn_torch.py --time --epochs {FASHION_EPOCHS}, {threads} threads, {epochs}: median "
                     f"of {len(means)} runs' means {statistics.median(means):.1f} s ({min(means):.1f}–{max(means):.1f})")
            peers[key] = (3600 / statistics.median(means), "T4", label)
        if jgrad_runs:
            means = [statistics.mean(run[first:]) for run in jgrad_runs]
            spread = f"{len(means)} runs' means {min(means):.1f}–{max(means):.1f} s per epoch"
            j[(key, "simd")] = (3600 / statistics.median(means), "epochs/h", None,
                                f"example fashion-cnn --epochs {FASHION_EPOCHS}, {epochs}", spread)
            jtag[(key, "simd")] = "J3"


def core_of(stderr):
    """The kernel family OpenBLAS reports with OPENBLAS_VERBOSE=2 ('Core: Haswell'), if it did."""
    for line in stderr.splitlines():
        if line.strip().startswith("Core:"):
            return line.split(":", 1)[1].strip()
    return "?"

if __name__ == "__main__":
    main()
