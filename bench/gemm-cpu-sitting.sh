#!/usr/bin/env bash
# One sitting of single-thread SGEMM by CPU time, jgrad and NumPy interleaved, at 512 and 256 bits:
#   bench/gemm-cpu-sitting.sh [ROUNDS_OF_SITTING] [SHAPES...]
# jgrad: bench/target/benchmarks.jar's GemmCpuTime with -Djgrad.threads=1 (256 bits: -XX:UseAVX=2);
# NumPy: bench/gemm_cpu_numpy.py on one OpenBLAS thread (256 bits: OPENBLAS_CORETYPE=Haswell).
# BEFORE_JAR=other-benchmarks.jar adds a run of that build's GemmCpuTime before each of this build's.
# Prints the date, the load and the CPU model first. Runs everything at nice 19 if NICE=19 is set.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sittings="${1:-2}"; shift || true
shapes=("$@")
if [ ${#shapes[@]} -eq 0 ]; then
  shapes=(256 512 1024 2048 64x784x128 784x64x128:TN 64x256x1024 256x64x1024:TN 64x1024x256:NT 256x256x32 256x128x128)
fi
java="${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java | head -n 1)}"
python="${PYTHON:-python3}"
nice=(nice -n "${NICE:-0}")
echo "date $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg); $(grep -m1 'model name' /proc/cpuinfo)"
for s in $(seq 1 "$sittings"); do
  for width in 512 256; do
    if [ "$width" = 512 ]; then avx=-XX:UseAVX=3; core=SkylakeX; else avx=-XX:UseAVX=2; core=Haswell; fi
    for jar in ${BEFORE_JAR:-} "$root/bench/target/benchmarks.jar"; do
      echo "== sitting $s, $width bits, jgrad $jar ($(cut -d' ' -f1 /proc/loadavg))"
      "${nice[@]}" "$java" --add-modules=jdk.incubator.vector "$avx" -Djgrad.threads=1 ${JGRAD_GEMM_OPTS:-} \
        -cp "$jar" jgrad.bench.kernels.GemmCpuTime "${shapes[@]}" 2>/dev/null
    done
    echo "== sitting $s, $width bits, NumPy ($(cut -d' ' -f1 /proc/loadavg))"
    OPENBLAS_CORETYPE=$core OPENBLAS_NUM_THREADS=1 "${nice[@]}" "$python" "$root/bench/gemm_cpu_numpy.py" "${shapes[@]}"
  done
done
echo "done $(date -u '+%H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
