// Elementwise kernels: binary ops with 0/1 steps (broadcast a scalar or walk), unary maps and their
// gradients, fill. One thread per element in a grid-stride loop.
#include "jgrad.cuh"
#include "unary.cuh"

template <typename T> __device__ T binaryOf(int op, T a, T b) {
    switch (op) {
        case B_ADD: return a + b;
        case B_SUB: return a - b;
        case B_MUL: return a * b;
        case B_DIV: return a / b;
        case B_POW: return pow(a, b);
        case B_MAX: return javaMax(a, b);
        case B_MIN: return javaMin(a, b);
        case B_EQ: return a == b ? T(1) : T(0);
        case B_GT: return a > b ? T(1) : T(0);
        default: return a >= b ? T(1) : T(0);  // B_GE
    }
}

// out may alias a or b: each element is read before it is written, by the same thread.
template <typename T>
__device__ void binaryKernel(int op, int n, const T* a, int aStep, const T* b, int bStep, T* out) {
    for (long long i = firstIndex(); i < n; i += gridStride()) out[i] = binaryOf(op, a[i * aStep], b[i * bStep]);
}

template <typename T> __device__ void unaryKernel(int op, int n, const T* x, T* out, T alpha) {
    for (long long i = firstIndex(); i < n; i += gridStride()) out[i] = unaryOf(op, x[i], alpha);
}

template <typename T>
__device__ void unaryBackwardKernel(int op, int n, const T* x, const T* y, const T* g, T* dx, T alpha) {
    for (long long i = firstIndex(); i < n; i += gridStride()) dx[i] = g[i] * derivativeOf(op, x[i], y[i], alpha);
}

template <typename T> __device__ void fillKernel(int n, T* dst, T value) {
    for (long long i = firstIndex(); i < n; i += gridStride()) dst[i] = value;
}

// A choice, not arithmetic: an infinity or NaN in the branch not taken does not leak through.
template <typename T> __device__ void whereKernel(int n, const T* cond, const T* a, const T* b, T* out) {
    for (long long i = firstIndex(); i < n; i += gridStride()) out[i] = cond[i] != T(0) ? a[i] : b[i];
}

// dst in the kernel's dtype from src in the other one; double -> float rounds to nearest, as Java's cast.
template <typename T, typename From> __device__ void convertKernel(int n, const From* src, T* dst) {
    for (long long i = firstIndex(); i < n; i += gridStride()) dst[i] = static_cast<T>(src[i]);
}

#define JGRAD_ELEMENTWISE(T, S)                                                                          \
    extern "C" __global__ void binary_##S(int op, int n, const T* a, int aStep, const T* b, int bStep,   \
                                          T* out) { binaryKernel(op, n, a, aStep, b, bStep, out); }      \
    extern "C" __global__ void unary_##S(int op, int n, const T* x, T* out, T alpha) {                   \
        unaryKernel(op, n, x, out, alpha);                                                               \
    }                                                                                                    \
    extern "C" __global__ void unary_backward_##S(int op, int n, const T* x, const T* y, const T* g,     \
                                                  T* dx, T alpha) {                                      \
        unaryBackwardKernel(op, n, x, y, g, dx, alpha);                                                  \
    }                                                                                                    \
    extern "C" __global__ void fill_##S(int n, T* dst, T value) { fillKernel(n, dst, value); }              \
    extern "C" __global__ void where_##S(int n, const T* cond, const T* a, const T* b, T* out) {         \
        whereKernel(n, cond, a, b, out);                                                                 \
    }

JGRAD_ELEMENTWISE(float, f32)
JGRAD_ELEMENTWISE(double, f64)

// Named by the destination's dtype: convert_f32 reads doubles, convert_f64 reads floats.
extern "C" __global__ void convert_f32(int n, const double* src, float* dst) { convertKernel(n, src, dst); }
extern "C" __global__ void convert_f64(int n, const float* src, double* dst) { convertKernel(n, src, dst); }
