// Random fills from Philox-4x32-10 (philox.cuh): element i draws at index offset + i, so a mask or a fill
// is a pure function of (seed, offset, i) and equals jgrad.random.Philox on every device, for any launch.
// The seed and the offset are unsigned 64-bit (a Java long's bits); p is a double in both dtypes, so the
// F32 and the F64 masks of one (seed, offset, p) keep the same elements.
#include "jgrad.cuh"
#include "philox.cuh"

// Inverted dropout: out[i] = 1/(1-p) (in double, rounded once to T) if uniformFloat(seed, offset+i) >= p, else 0.
template <typename T>
__device__ void dropoutMaskKernel(int n, unsigned long long seed, unsigned long long offset, double p, T* out) {
    T keep = T(1.0 / (1.0 - p));
    for (long long i = firstIndex(); i < n; i += gridStride())
        out[i] = (double)philoxUniformFloat(seed, offset + i) >= p ? keep : T(0);
}

// out[i] in [lo, hi): philoxInRange(uniform of T at offset + i, lo, hi).
template <typename T>
__device__ void uniformKernel(int n, unsigned long long seed, unsigned long long offset, T lo, T hi, T* out) {
    for (long long i = firstIndex(); i < n; i += gridStride())
        out[i] = philoxInRange(philoxUniform<T>(seed, offset + i), lo, hi);
}

#define JGRAD_RANDOM(T, S)                                                                               \
    extern "C" __global__ void dropout_mask_##S(int n, unsigned long long seed, unsigned long long offset, \
                                                double p, T* out) {                                      \
        dropoutMaskKernel(n, seed, offset, p, out);                                                      \
    }                                                                                                    \
    extern "C" __global__ void uniform_##S(int n, unsigned long long seed, unsigned long long offset, T lo, \
                                           T hi, T* out) { uniformKernel(n, seed, offset, lo, hi, out); }

JGRAD_RANDOM(float, f32)
JGRAD_RANDOM(double, f64)
