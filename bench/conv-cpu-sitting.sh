#!/usr/bin/env bash
# One sitting of issue 14's convolution steps by CPU time on one thread, jgrad and PyTorch interleaved, at 512 and
# 256 bits:   bench/conv-cpu-sitting.sh [ROUNDS] [WORKLOADS...]     (workloads: conv, textcnn24, textcnn64)
# jgrad: bench/target/benchmarks.jar's ConvStepCpuTime / TextCnnStepCpuTime with -Djgrad.threads=1 (256 bits:
# -XX:UseAVX=2); PyTorch: bench/conv_step_cpu_torch.py on one thread (256 bits: ONEDNN_MAX_CPU_ISA=AVX2
# ATEN_CPU_CAPABILITY=avx2 OPENBLAS_CORETYPE=Haswell). BEFORE_JAR=other-benchmarks.jar adds a run of that build
# before each of this build's. Prints the date, the load and the CPU model first. NICE=19 runs it all at nice 19.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"; shift || true
workloads=("$@")
if [ ${#workloads[@]} -eq 0 ]; then workloads=(conv textcnn64); fi
java="${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java | head -n 1)}"
nice=(nice -n "${NICE:-0}")
probe_rounds=10
echo "date $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg); $(grep -m1 'model name' /proc/cpuinfo)"
for r in $(seq 1 "$rounds"); do
  for width in 512 256; do
    if [ "$width" = 512 ]; then avx=-XX:UseAVX=3; torch_env=(); else
      avx=-XX:UseAVX=2; torch_env=(ONEDNN_MAX_CPU_ISA=AVX2 ATEN_CPU_CAPABILITY=avx2 OPENBLAS_CORETYPE=Haswell); fi
    for w in "${workloads[@]}"; do
      case "$w" in
        conv) probe=(jgrad.bench.models.ConvStepCpuTime "$probe_rounds"); twin=(conv "$probe_rounds") ;;
        textcnn*) probe=(jgrad.bench.models.TextCnnStepCpuTime "${w#textcnn}" "$probe_rounds")
                  twin=(textcnn "$probe_rounds" "${w#textcnn}") ;;
        *) echo "unknown workload $w" >&2; exit 2 ;;
      esac
      for jar in ${BEFORE_JAR:-} "$root/bench/target/benchmarks.jar"; do
        echo "== round $r, $width bits, $w, jgrad $jar (load $(cut -d' ' -f1 /proc/loadavg))"
        "${nice[@]}" "$java" --add-modules=jdk.incubator.vector "$avx" -Djgrad.threads=1 -cp "$jar" "${probe[@]}" 2>/dev/null
      done
      echo "== round $r, $width bits, $w, PyTorch (load $(cut -d' ' -f1 /proc/loadavg))"
      env "${torch_env[@]}" "${nice[@]}" /usr/bin/python3 "$root/bench/conv_step_cpu_torch.py" "${twin[@]}"
    done
  done
done
echo "done $(date -u '+%H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
