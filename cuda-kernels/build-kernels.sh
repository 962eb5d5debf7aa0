#!/usr/bin/env bash
# Compiles every src/main/cuda/*.cu into a fatbin (SASS for sm_80/86/89/90 plus compute_90 PTX) and
# validates the PTX with ptxas for sm_90. Without nvcc it succeeds and says that the jar carries no
# kernels; with nvcc, any compile or ptxas error fails the build, since then the kernels are broken.
# Usage: build-kernels.sh <src-dir> <out-dir> <work-dir> [skip=true|false]
set -euo pipefail

src=$1 out=$2 work=$3 skip=${4:-false}
say() { echo "[jgrad-cuda] $*"; }

if [[ $skip == true ]]; then
    rm -f "$out"/*.fatbin
    say "jgrad.cuda.skip=true: shipped no fresh kernels (the jar carries none)"
    exit 0
fi
# NVCC=/path picks a compiler; NVCC=none acts as a machine without one.
nvcc=${NVCC:-$(command -v nvcc || true)}
[[ -z $nvcc && -x /usr/local/cuda/bin/nvcc ]] && nvcc=/usr/local/cuda/bin/nvcc
if [[ -z $nvcc || $nvcc == none ]]; then
    rm -f "$out"/*.fatbin
    say "nvcc not found: shipped no fresh kernels (the jar carries none; CudaProbe will say so)"
    exit 0
fi
ptxas=$(dirname "$(readlink -f "$nvcc")")/ptxas
[[ -x $ptxas ]] || ptxas=$(command -v ptxas)

# Up to date when every fatbin is newer than every source and than this script.
newest_input=$(ls -t "$src"/*.cu "$src"/*.cuh "$0" | head -1)
up_to_date=true
for cu in "$src"/*.cu; do
    fb="$out/$(basename "${cu%.cu}").fatbin"
    [[ -f $fb && $fb -nt $newest_input ]] || up_to_date=false
done
if $up_to_date; then say "kernels up to date in $out"; exit 0; fi

mkdir -p "$out" "$work"
archs=(-gencode arch=compute_80,code=sm_80 -gencode arch=compute_86,code=sm_86
       -gencode arch=compute_89,code=sm_89 -gencode 'arch=compute_90,code=[sm_90,compute_90]')
start=$SECONDS
say "$("$nvcc" --version | tail -1)"

compile() {  # one .cu: fatbin, then ptxas on the kept compute_90 PTX
    local cu=$1 name dir
    name=$(basename "${cu%.cu}")
    dir="$work/$name"
    mkdir -p "$dir"
    "$nvcc" -fatbin -std=c++17 -O3 "${archs[@]}" --keep --keep-dir "$dir" -o "$out/$name.fatbin" "$cu"
    "$ptxas" -arch=sm_90 -o /dev/null "$dir/$name.compute_90.ptx"
    echo "[jgrad-cuda] $name.fatbin: $(stat -c %s "$out/$name.fatbin") bytes, $(grep -c '\.entry' "$dir/$name.compute_90.ptx") kernels, PTX $(grep -m1 '^.version' "$dir/$name.compute_90.ptx") passed ptxas sm_90"
}
# Two files at a time: the CI machine has two cores.
failed=0
pids=()
for cu in "$src"/*.cu; do
    compile "$cu" & pids+=($!)
    if (( ${#pids[@]} >= 2 )); then wait "${pids[0]}" || failed=1; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p" || failed=1; done
if (( failed )); then say "nvcc or ptxas FAILED: see the errors above"; exit 1; fi
say "built $(ls "$out"/*.fatbin | wc -l) fatbins in $((SECONDS - start)) s"
