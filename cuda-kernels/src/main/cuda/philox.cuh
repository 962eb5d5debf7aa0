// Philox-4x32-10 (Salmon, Moraes, Dror, Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC 2011)
// and the stateless draws of jgrad.random.Philox, bit for bit: a thread computes its element's random
// bits from (seed, index) alone. __host__ __device__ so that host code (and the emulation) can call it.
// See Philox's Javadoc for the formulas; the same names are used here.
#pragma once

#include <math.h>

// Round: p0 = M0*x0, p1 = M1*x2 (64-bit); x <- (hi(p1)^x1^k0, lo(p1), hi(p0)^x3^k1, lo(p0)).
// Before every round but the first: k0 += W0, k1 += W1 (mod 2^32).
#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

struct PhiloxBlock { unsigned x0, x1, x2, x3; };

__host__ __device__ __forceinline__ PhiloxBlock philox4x32_10(unsigned x0, unsigned x1, unsigned x2, unsigned x3,
                                                              unsigned k0, unsigned k1) {
    for (int r = 0; r < 10; r++) {
        if (r > 0) { k0 += PHILOX_W0; k1 += PHILOX_W1; }
        unsigned long long p0 = (unsigned long long)PHILOX_M0 * x0;  // nvcc makes these mul.lo/mul.hi
        unsigned long long p1 = (unsigned long long)PHILOX_M1 * x2;
        unsigned y0 = (unsigned)(p1 >> 32) ^ x1 ^ k0, y2 = (unsigned)(p0 >> 32) ^ x3 ^ k1;
        x0 = y0; x1 = (unsigned)p1; x2 = y2; x3 = (unsigned)p0;
    }
    return {x0, x1, x2, x3};
}

// The block at (seed, index): counter (lo32(index), hi32(index), 0, 0), key (lo32(seed), hi32(seed)).
__host__ __device__ __forceinline__ PhiloxBlock philoxWords(unsigned long long seed, unsigned long long index) {
    return philox4x32_10((unsigned)index, (unsigned)(index >> 32), 0u, 0u, (unsigned)seed, (unsigned)(seed >> 32));
}

// top53(a, b): the upper 53 bits of the 64-bit integer a*2^32 + b.
__host__ __device__ __forceinline__ unsigned long long philoxTop53(unsigned a, unsigned b) {
    return ((unsigned long long)a << 32 | b) >> 11;
}

// (x0 >> 8) * 2^-24: a float in [0, 1). Both steps are exact.
__host__ __device__ __forceinline__ float philoxUniformFloat(unsigned long long seed, unsigned long long index) {
    return (float)(philoxWords(seed, index).x0 >> 8) * 0x1p-24f;
}

// top53(x0, x1) * 2^-53: a double in [0, 1). Both steps are exact.
__host__ __device__ __forceinline__ double philoxUniformDouble(unsigned long long seed, unsigned long long index) {
    PhiloxBlock w = philoxWords(seed, index);
    return (double)philoxTop53(w.x0, w.x1) * 0x1p-53;
}

// Box-Muller: sqrt(-2 ln u1) cos(2 pi u2), u1 = (top53(x0, x1) + 1) 2^-53 in (0, 1], u2 = top53(x2, x3) 2^-53.
// u1 and u2 are exact; log and cos are the device's, within an ulp or two of Java's StrictMath.
__host__ __device__ __forceinline__ double philoxGaussian(unsigned long long seed, unsigned long long index) {
    PhiloxBlock w = philoxWords(seed, index);
    double u1 = (double)(philoxTop53(w.x0, w.x1) + 1) * 0x1p-53;
    double u2 = (double)philoxTop53(w.x2, w.x3) * 0x1p-53;
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);  // 2*Math.PI, the double 0x1.921fb54442d18p2
}

// The uniform of a dtype: float from 24 bits, double from 53.
template <typename T> __host__ __device__ __forceinline__ T philoxUniform(unsigned long long seed, unsigned long long index);
template <> __host__ __device__ __forceinline__ float philoxUniform<float>(unsigned long long seed, unsigned long long index) {
    return philoxUniformFloat(seed, index);
}
template <> __host__ __device__ __forceinline__ double philoxUniform<double>(unsigned long long seed, unsigned long long index) {
    return philoxUniformDouble(seed, index);
}

// [lo, hi) for lo < hi: v = fma(hi - lo, u, lo) (an explicit fma, so that nvcc's contraction cannot change
// the rounding), or the largest value below hi when rounding reaches hi. Java: Philox.inRange.
__host__ __device__ __forceinline__ float philoxInRange(float u, float lo, float hi) {
    float v = fmaf(hi - lo, u, lo);
    return v < hi ? v : nextafterf(hi, -HUGE_VALF);
}
__host__ __device__ __forceinline__ double philoxInRange(double u, double lo, double hi) {
    double v = fma(hi - lo, u, lo);
    return v < hi ? v : nextafter(hi, -HUGE_VAL);
}
