// Two kernels that break the rules on purpose, so that the tests can show the emulation reports them
// (they are in the cuda-emu library only; nvcc never sees this file).
#include "jgrad.cuh"

// Even threads wait at a barrier the odd ones never reach: "divergent __syncthreads".
extern "C" __global__ void emu_divergent_sync(int* out) {
    if (threadIdx.x % 2 == 0) __syncthreads();
    out[threadIdx.x] = 1;
}

// Uses a barrier but is listed as barrier-free in the exports table: the launch must fail, naming it.
extern "C" __global__ void emu_unlisted_sync(int* out) {
    out[threadIdx.x] = 1;
    __syncthreads();
}
