// Reductions over the middle axis of [outer, len, inner], and row-wise softmax and its backward.
#include "jgrad.cuh"

template <typename T> __device__ T identityOf(int op) { return op == 0 ? T(0) : T(-INFINITY); }

// inner == 1 (a row reduction): one block per output, its threads read the row coalesced, then a tree.
template <typename T> __device__ void reduceRowsKernel(int op, int outer, int len, const T* x, T* out) {
    __shared__ T shared[JGRAD_MAX_BLOCK];
    for (long long o = blockIdx.x; o < outer; o += gridDim.x) {
        const T* row = x + o * len;
        T acc = identityOf<T>(op);
        for (int j = threadIdx.x; j < len; j += blockDim.x) acc = op == 0 ? acc + row[j] : javaMax(acc, row[j]);
        acc = op == 0 ? blockReduce(acc, SumOp(), shared) : blockReduce(acc, MaxOp(), shared);
        if (threadIdx.x == 0) out[o] = acc;
    }
}

// inner > 1 (a column reduction): one thread per output; neighbouring threads read neighbouring columns.
template <typename T>
__device__ void reduceColsKernel(int op, int outer, int len, int inner, const T* x, T* out) {
    for (long long k = firstIndex(); k < (long long)outer * inner; k += gridStride()) {
        long long o = k / inner, i = k % inner;
        const T* col = x + o * len * inner + i;
        T acc = identityOf<T>(op);
        for (long long j = 0; j < len; j++) acc = op == 0 ? acc + col[j * inner] : javaMax(acc, col[j * inner]);
        out[k] = acc;
    }
}

// One block per row: y = x - max - log Σ e^(x-max) (log) or e^(x-max) / Σ e^(x-max).
template <typename T> __device__ void softmaxKernel(int rows, int cols, const T* x, T* y, int logOut) {
    __shared__ T shared[JGRAD_MAX_BLOCK];
    for (long long r = blockIdx.x; r < rows; r += gridDim.x) {
        const T* xr = x + r * cols;
        T* yr = y + r * cols;
        T max = T(-INFINITY);
        for (int j = threadIdx.x; j < cols; j += blockDim.x) max = javaMax(max, xr[j]);
        max = blockReduce(max, MaxOp(), shared);
        T sum = T(0);
        for (int j = threadIdx.x; j < cols; j += blockDim.x) sum += exp(xr[j] - max);
        sum = blockReduce(sum, SumOp(), shared);
        T logSum = log(sum);
        for (int j = threadIdx.x; j < cols; j += blockDim.x) {
            T shifted = xr[j] - max;
            yr[j] = logOut ? shifted - logSum : exp(shifted) / sum;
        }
    }
}

// softmax: dx = y ⊙ (g − Σ g⊙y); log-softmax: dx = g − eʸ Σ g. One block per row.
template <typename T>
__device__ void softmaxBackwardKernel(int rows, int cols, const T* y, const T* g, T* dx, int logOut) {
    __shared__ T shared[JGRAD_MAX_BLOCK];
    for (long long r = blockIdx.x; r < rows; r += gridDim.x) {
        const T* yr = y + r * cols;
        const T* gr = g + r * cols;
        T dot = T(0);
        for (int j = threadIdx.x; j < cols; j += blockDim.x) dot += logOut ? gr[j] : gr[j] * yr[j];
        dot = blockReduce(dot, SumOp(), shared);
        for (int j = threadIdx.x; j < cols; j += blockDim.x) {
            dx[r * cols + j] = logOut ? gr[j] - exp(yr[j]) * dot : yr[j] * (gr[j] - dot);
        }
    }
}

#define JGRAD_REDUCE(T, S)                                                                               \
    extern "C" __global__ void reduce_rows_##S(int op, int outer, int len, const T* x, T* out) {         \
        reduceRowsKernel(op, outer, len, x, out);                                                        \
    }                                                                                                    \
    extern "C" __global__ void reduce_cols_##S(int op, int outer, int len, int inner, const T* x,        \
                                               T* out) { reduceColsKernel(op, outer, len, inner, x, out); } \
    extern "C" __global__ void softmax_##S(int rows, int cols, const T* x, T* y, int logOut) {           \
        softmaxKernel(rows, cols, x, y, logOut);                                                         \
    }                                                                                                    \
    extern "C" __global__ void softmax_backward_##S(int rows, int cols, const T* y, const T* g, T* dx,   \
                                                    int logOut) {                                        \
        softmaxBackwardKernel(rows, cols, y, g, dx, logOut);                                             \
    }

JGRAD_REDUCE(float, f32)
JGRAD_REDUCE(double, f64)
