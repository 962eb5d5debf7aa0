// Shared by every kernel file. nvcc compiles it for the GPU; g++ compiles the same text for the host
// tests through src/test/cpp/cuda_host_emu.h, so only what that header emulates may be used here.
#pragma once

#include <math.h>

// The host passes op codes as Java ordinal(): keep these in the order of jgrad.backend.BinaryOp/UnaryOp.
enum BinaryOpCode { B_ADD, B_SUB, B_MUL, B_DIV, B_POW, B_MAX, B_MIN, B_EQ, B_GT, B_GE };
enum UnaryOpCode {
    U_NEG, U_EXP, U_LOG, U_SQRT, U_ABS, U_TANH, U_SIGMOID, U_RELU, U_LEAKY_RELU, U_POW, U_SCALE, U_SHIFT
};

// Block-wide reductions use a static shared array, so block sizes are powers of two up to this.
#define JGRAD_MAX_BLOCK 256

// Grid-stride loops: every kernel is correct for any grid and block size the host picks.
__device__ __forceinline__ long long firstIndex() { return blockIdx.x * (long long)blockDim.x + threadIdx.x; }
__device__ __forceinline__ long long gridStride() { return (long long)blockDim.x * gridDim.x; }

// Java's Math.max/min: NaN wins (fmax/fmin would drop it).
template <typename T> __device__ __forceinline__ T javaMax(T a, T b) { return (a > b || a != a) ? a : b; }
template <typename T> __device__ __forceinline__ T javaMin(T a, T b) { return (a < b || a != a) ? a : b; }

// 1/(1+e^-x) without overflowing e^|x|.
template <typename T> __device__ __forceinline__ T sigmoidOf(T x) {
    if (x >= T(0)) return T(1) / (T(1) + exp(-x));
    T e = exp(x);
    return e / (T(1) + e);
}

struct SumOp {
    template <typename T> __device__ T operator()(T a, T b) const { return a + b; }
};
struct MaxOp {
    template <typename T> __device__ T operator()(T a, T b) const { return javaMax(a, b); }
};

// Tree reduction of one value per thread across the block, returned to every thread. blockDim.x must
// be a power of two <= JGRAD_MAX_BLOCK and every thread must call it: it synchronizes the block.
template <typename T, typename Combine>
__device__ T blockReduce(T v, Combine combine, T* shared) {
    shared[threadIdx.x] = v;
    __syncthreads();
    for (unsigned s = blockDim.x / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) shared[threadIdx.x] = combine(shared[threadIdx.x], shared[threadIdx.x + s]);
        __syncthreads();
    }
    T result = shared[0];
    __syncthreads();  // so the caller may reuse `shared` right away
    return result;
}
