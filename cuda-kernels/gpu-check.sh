#!/usr/bin/env bash
# gpu-check.sh: on a machine with an NVIDIA GPU, confirms what cuda-emu cannot prove on the CPU: the
# kernels as nvcc built them, JCuda's launches and copies, cuBLAS, atomics under real contention and the
# CUDA math library. Checks, each one pass or fail:
#   1. the CUDA tests (jgrad.cuda.*: every Backend method, the layer and random kernels, training on
#      Device.CUDA), run on the GPU driver and on cuda-emu; none may be skipped for want of a GPU;
#   2. the golden cases in f32 and in f64 with --backend cuda;
#   3. one short training run per model family (bank demo, fashion-mnist, movie-mlp, neumf) with
#      --epochs 1 on cuda and on simd, whose metric lines must agree to a tolerance (TOL, default 2e-3,
#      absolute for values up to 1 and relative above);
#   4. ./jgrad gemm 4096 --backend cuda, printing cuBLAS's GFLOP/s.
#   5. one short JMH benchmark on the device (./jgrad bench MlpTrainBench --backend cuda), printing its time.
# Ends with one line "N passed, M failed" (exit 0 only when nothing failed). Without a usable GPU it
# prints the probe's reason and exits 3. Budget: under 8 minutes once the project is built.
#   GOLDEN=dir (default ../shared/golden), TOL=..., KEEP=dir keeps every log.
#   REHEARSE=1 runs every step on cuda-emu instead (no GPU needed): it checks this script, not the GPU.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
golden="${GOLDEN:-$root/../shared/golden}"
device=cuda
[[ ${REHEARSE:-} == 1 ]] && device=cuda-emu
tol="${TOL:-2e-3}"
logs="${KEEP:-$(mktemp -d)}"
mkdir -p "$logs"
start=$SECONDS
passed=0
failed=0

say() { echo "[gpu-check $((SECONDS - start))s] $*"; }
pass() { passed=$((passed + 1)); say "PASS $*"; }
fail() { failed=$((failed + 1)); say "FAIL $*"; }

# The probe: ./jgrad info's GPU line is CudaProbe.describe() ("CUDA: available, <device>" or "CUDA: <reason>").
if ! info="$(./jgrad info 2>&1)"; then
    echo "$info" | tail -20
    echo "gpu-check: ./jgrad info failed, so the CUDA probe could not run"
    exit 3
fi
gpu_line="$(grep '^GPU ' <<<"$info" | sed 's/^GPU *CUDA: //')"
[[ $device == cuda-emu ]] && gpu_line="available, none: rehearsal on cuda-emu"
if [[ $gpu_line != available* ]]; then
    echo "gpu-check: ${gpu_line:-the probe gave no answer} (this script needs an NVIDIA GPU; cuda-emu covers the rest: mvn -pl cuda-kernels -am test)"
    exit 3
fi
say "GPU: ${gpu_line#available, }"

# 1. The CUDA tests, both surefire runs (simd and scalar CPU reference).
if timeout 300 mvn -B -q -pl cuda-kernels -am test -Dtest='jgrad.cuda.**' -Dsurefire.failIfNoSpecifiedTests=false \
        >"$logs/tests.log" 2>&1; then
    skipped="$(grep -l 'no GPU' cuda-kernels/target/surefire-reports/TEST-*.xml 2>/dev/null | wc -l)"
    if [[ $skipped -eq 0 || $device == cuda-emu ]]; then
        pass "CUDA tests ($(grep -ho 'tests="[0-9]*"' cuda-kernels/target/surefire-reports/TEST-*.xml \
            | awk -F'"' '{ n += $2 } END { print n }') test runs, GPU and cuda-emu)"
    else
        fail "CUDA tests: $skipped test classes skipped their GPU cases although the probe found a GPU"
    fi
else
    tail -40 "$logs/tests.log"
    fail "CUDA tests (log: $logs/tests.log)"
fi

# 2. Golden cases on the GPU.
for dtype in f32 f64; do
    if timeout 120 ./jgrad golden "$golden" --dtype "$dtype" --backend "$device" >"$logs/golden-$dtype.log" 2>&1 \
            && tail -1 "$logs/golden-$dtype.log" | grep -q ' passed, 0 failed$'; then
        pass "golden $dtype on $device: $(tail -1 "$logs/golden-$dtype.log")"
    else
        grep -v '^PASS' "$logs/golden-$dtype.log" | tail -20
        fail "golden $dtype on $device (log: $logs/golden-$dtype.log)"
    fi
done

# The metric lines of a run, timings removed: epoch lines, final results, AUC/loss/lift summaries.
metrics() {
    grep -E '^([Ee]poch|final:|ROC AUC|log loss|campaign|  at that budget|threshold|kept the weights)' "$1" \
        | sed -E 's/ [0-9.]+ ?s( |$)/ <time>\1/g; s/[0-9.]+ s per training epoch/<time> per training epoch/; s/backend [a-z-]+//'
}

# Same lines, same words; numbers within tol (absolute up to 1, relative above).
same_metrics() {
    awk -v tol="$tol" '
        function num(s) { return s ~ /^[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?[%×x]?,?$/ }
        NR == FNR { want[FNR] = $0; n = FNR; next }
        {
            if (!(FNR in want)) { print "extra line: " $0; bad = 1; next }
            split(want[FNR], w, " "); m = split($0, g, " ")
            if (m != length(w)) { print "differs:\n  simd: " want[FNR] "\n  other: " $0; bad = 1; next }
            for (i = 1; i <= m; i++) {
                if (w[i] == g[i]) continue
                if (num(w[i]) && num(g[i])) {
                    a = w[i] + 0; b = g[i] + 0; d = a - b; if (d < 0) d = -d
                    s = (a < 0 ? -a : a); if (s < 1) s = 1
                    if (d <= tol * s) continue
                }
                print "differs at \"" w[i] "\" vs \"" g[i] "\":\n  simd: " want[FNR] "\n  other: " $0; bad = 1; break
            }
            seen = FNR
        }
        END { if (seen < n) { print "missing lines after line " seen; bad = 1 } exit bad }' "$1" "$2"
}

# 3. One short training run per model family, on cuda and on simd.
for run in "demo --epochs 1" "example fashion-mnist --epochs 1" "example movie-mlp --epochs 1" "example neumf --epochs 1"; do
    name="${run%% --*}"; name="${name#example }"
    ok=true
    for backend in simd "$device"; do
        # shellcheck disable=SC2086
        if ! timeout 150 ./jgrad $run --backend "$backend" >"$logs/$name-$backend.log" 2>&1; then
            tail -20 "$logs/$name-$backend.log"
            fail "$name on $backend did not finish (log: $logs/$name-$backend.log)"
            ok=false
            break
        fi
        metrics "$logs/$name-$backend.log" >"$logs/$name-$backend.metrics"
    done
    $ok || continue
    if [[ ! -s $logs/$name-simd.metrics ]]; then
        fail "$name: no metric lines in its output (log: $logs/$name-simd.log)"
    elif diff_out="$(same_metrics "$logs/$name-simd.metrics" "$logs/$name-$device.metrics")"; then
        pass "$name: $device equals simd within $tol ($(wc -l <"$logs/$name-simd.metrics") metric lines)"
    else
        echo "$diff_out"
        fail "$name: $device and simd disagree (logs: $logs/$name-*.log)"
    fi
done

# 4. cuBLAS GEMM.
if timeout 240 ./jgrad gemm 4096 --backend "$device" >"$logs/gemm.log" 2>&1 \
        && grep -q "^$device .*GFLOP/s" "$logs/gemm.log"; then
    pass "gemm 4096: $(grep "^$device " "$logs/gemm.log" | sed -E 's/ +/ /g')"
else
    tail -10 "$logs/gemm.log"
    fail "gemm 4096 on $device (log: $logs/gemm.log)"
fi

# 5. One model benchmark end to end on the device: the MLP's training step, one short iteration.
if timeout 120 ./jgrad bench MlpTrainBench --backend "$device" -foe true -f 1 -wi 1 -i 1 -w 1s -r 1s \
        >"$logs/bench.log" 2>&1 && grep -qE "^MlpTrainBench\.step +$device +avgt" "$logs/bench.log"; then
    pass "bench MlpTrainBench on $device: $(grep -E "^MlpTrainBench\.step +$device" "$logs/bench.log" | sed -E 's/ +/ /g')"
else
    tail -20 "$logs/bench.log"
    fail "bench MlpTrainBench on $device (log: $logs/bench.log)"
fi

say "done in $((SECONDS - start)) s; logs in $logs"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
