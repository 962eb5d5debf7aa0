#!/usr/bin/env bash
# Runs every example for one epoch on simd and on cuda-emu (the CUDA kernels compiled for the CPU) and
# checks that both print the same metrics to float tolerance. Skips, saying why, where cuda-emu cannot run.
# Usage: .ci/examples-on-cuda-emu.sh [NAME...]   (default: every example and the demo)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v g++ >/dev/null; then
  echo "examples-on-cuda-emu: skipped: no g++ to compile the CUDA kernels for the CPU"
  exit 0
fi
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(demo fashion-mnist movie-dot movie-concat movie-bmf movie-mlp gmf ncf-mlp neumf)
out="$(mktemp -d)"
failed=0
for name in "${names[@]}"; do
  if [ "$name" = demo ]; then cmd=(demo --epochs 1); else cmd=(example "$name" --epochs 1); fi
  for backend in simd cuda-emu; do
    start=$SECONDS
    if ! ./jgrad "${cmd[@]}" --backend "$backend" > "$out/$name.$backend.txt" 2> "$out/$name.$backend.err"; then
      echo "FAIL $name on $backend:"; tail -5 "$out/$name.$backend.err" "$out/$name.$backend.txt"; failed=1; continue 2
    fi
    echo "ran  $name on $backend in $((SECONDS - start)) s"
  done
  if .ci/same-metrics.py "$out/$name.simd.txt" "$out/$name.cuda-emu.txt" --rel 2e-3 --counted 0.01; then
    echo "PASS $name: cuda-emu gives simd's metrics"
  else
    echo "FAIL $name"; failed=1
  fi
done
exit $failed
