// Data movement: gather rows (embedding lookup), scatter-add rows (its backward), strided copy.
#include "jgrad.cuh"

// Rank limit of copy's by-value geometry; the host merges or rejects anything larger.
#define JGRAD_MAX_RANK 8

// Passed by value: the host packs it as 1 + 2·JGRAD_MAX_RANK ints.
struct CopyGeometry {
    int rank;
    int shape[JGRAD_MAX_RANK];
    int stride[JGRAD_MAX_RANK];
};

template <typename T>
__device__ void gatherRowsKernel(int count, const int* ids, int rowLen, const T* table, T* out) {
    for (long long k = firstIndex(); k < (long long)count * rowLen; k += gridStride()) {
        long long r = k / rowLen, j = k % rowLen;
        out[k] = table[(long long)ids[r] * rowLen + j];
    }
}

// Repeated ids hit the same table element from several threads: atomicAdd makes them accumulate.
template <typename T>
__device__ void scatterAddRowsKernel(int count, const int* ids, int rowLen, const T* src, T* table) {
    for (long long k = firstIndex(); k < (long long)count * rowLen; k += gridStride()) {
        long long r = k / rowLen, j = k % rowLen;
        atomicAdd(&table[(long long)ids[r] * rowLen + j], src[k]);
    }
}

// dst[flat] = src[Σ i_d·stride_d], the index i unravelled from flat, last axis fastest.
template <typename T> __device__ void copyKernel(int total, CopyGeometry geo, const T* src, T* dst) {
    for (long long k = firstIndex(); k < total; k += gridStride()) {
        long long rest = k, offset = 0;
        for (int d = geo.rank - 1; d >= 0; d--) {
            offset += (rest % geo.shape[d]) * geo.stride[d];
            rest /= geo.shape[d];
        }
        dst[k] = src[offset];
    }
}

#define JGRAD_ROWS(T, S)                                                                                 \
    extern "C" __global__ void gather_rows_##S(int count, const int* ids, int rowLen, const T* table,    \
                                               T* out) { gatherRowsKernel(count, ids, rowLen, table, out); } \
    extern "C" __global__ void scatter_add_rows_##S(int count, const int* ids, int rowLen, const T* src, \
                                                    T* table) {                                          \
        scatterAddRowsKernel(count, ids, rowLen, src, table);                                            \
    }                                                                                                    \
    extern "C" __global__ void copy_##S(int total, CopyGeometry geo, const T* src, T* dst) {             \
        copyKernel(total, geo, src, dst);                                                                \
    }

JGRAD_ROWS(float, f32)
JGRAD_ROWS(double, f64)
