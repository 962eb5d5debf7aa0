// Optimizer updates, one thread per parameter, in place.
#include "jgrad.cuh"

// Adam: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − (s·m) / (√v·r + ε), where s = lr/c₁ and
// r = 1/√c₂ fold in the bias corrections c₁ = 1−β₁ᵗ and c₂ = 1−β₂ᵗ, computed once per step by the host
// (jgrad.backend.AdamStep).
// A moment below the smallest normal number of T becomes 0, as in jgrad.backend.AdamStep.
__device__ __forceinline__ float flushed(float x) { return fabsf(x) < 1.17549435e-38f ? 0.0f : x; }
__device__ __forceinline__ double flushed(double x) { return fabs(x) < 2.2250738585072014e-308 ? 0.0 : x; }

template <typename T>
__device__ void adamKernel(int n, T* p, T* m, T* v, const T* g, T s, T beta1, T beta2, T eps, T r) {
    for (long long i = firstIndex(); i < n; i += gridStride()) {
        m[i] = flushed(beta1 * m[i] + (T(1) - beta1) * g[i]);
        v[i] = flushed(beta2 * v[i] + (T(1) - beta2) * g[i] * g[i]);
        p[i] -= s * m[i] / (sqrt(v[i]) * r + eps);
    }
}

#define JGRAD_OPTIM(T, S)                                                                                \
    extern "C" __global__ void adam_##S(int n, T* p, T* m, T* v, const T* g, T s, T beta1, T beta2,      \
                                        T eps, T r) {                                                    \
        adamKernel(n, p, m, v, g, s, beta1, beta2, eps, r);                                              \
    }

JGRAD_OPTIM(float, f32)
JGRAD_OPTIM(double, f64)

// The rules below compute in double whatever T is and round once on each store, as the scalar reference
// does (jgrad.backend.ScalarBackend: the loops the optimizers ran over Storage.get/set); a state value
// that feeds the weight's update is used before its rounding. Each product and sum is rounded on its
// own (nvcc fuses a*b+c into an FMA by default, the reference does not), so a GPU gives the same bits.
#ifdef __CUDA_ARCH__
__device__ __forceinline__ double mulRn(double a, double b) { return __dmul_rn(a, b); }
__device__ __forceinline__ double addRn(double a, double b) { return __dadd_rn(a, b); }
#else
__device__ __forceinline__ double mulRn(double a, double b) { return a * b; }
__device__ __forceinline__ double addRn(double a, double b) { return a + b; }
#endif

// Java's Math.signum: ±1, and 0, −0 and NaN are their own sign.
__device__ __forceinline__ double javaSignum(double x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : x; }

// SGD (jgrad.backend.SgdStep): b ← μb + g; d = g + μb (Nesterov) or b; w ← w − lr·d. b null: d = g.
template <typename T>
__device__ void sgdKernel(int n, T* w, T* b, const T* g, double lr, double momentum, int nesterov) {
    for (long long i = firstIndex(); i < n; i += gridStride()) {
        double d = g[i];
        if (b != nullptr) {
            double bi = addRn(mulRn(momentum, b[i]), d);
            b[i] = T(bi);
            d = nesterov ? addRn(d, mulRn(momentum, bi)) : bi;
        }
        w[i] = T(addRn(w[i], -mulRn(lr, d)));
    }
}

// Adagrad: s ← s + g²; w ← w − (lr·g) / (√s + ε).
template <typename T> __device__ void adagradKernel(int n, T* w, T* s, const T* g, double lr, double eps) {
    for (long long i = firstIndex(); i < n; i += gridStride()) {
        double gi = g[i];
        double si = addRn(s[i], mulRn(gi, gi));
        s[i] = T(si);
        w[i] = T(addRn(w[i], -(mulRn(lr, gi) / addRn(sqrt(si), eps))));
    }
}

// RMSprop: v ← ρv + ((1 − ρ)·g)·g; w ← w − (lr·g) / (√v + ε).
template <typename T>
__device__ void rmspropKernel(int n, T* w, T* v, const T* g, double lr, double rho, double eps) {
    for (long long i = firstIndex(); i < n; i += gridStride()) {
        double gi = g[i];
        double vi = addRn(mulRn(rho, v[i]), mulRn(mulRn(1 - rho, gi), gi));
        v[i] = T(vi);
        w[i] = T(addRn(w[i], -(mulRn(lr, gi) / addRn(sqrt(vi), eps))));
    }
}

// Adadelta: s ← ρs + ((1 − ρ)·g)·g; d ← (√(u + ε) / √(s + ε))·g; u ← ρu + ((1 − ρ)·d)·d; w ← w − lr·d.
template <typename T>
__device__ void adadeltaKernel(int n, T* w, T* s, T* u, const T* g, double lr, double rho, double eps) {
    for (long long i = firstIndex(); i < n; i += gridStride()) {
        double gi = g[i];
        double si = addRn(mulRn(rho, s[i]), mulRn(mulRn(1 - rho, gi), gi));
        s[i] = T(si);
        double d = mulRn(sqrt(addRn(double(u[i]), eps)) / sqrt(addRn(si, eps)), gi);
        u[i] = T(addRn(mulRn(rho, u[i]), mulRn(mulRn(1 - rho, d), d)));
        w[i] = T(addRn(w[i], -mulRn(lr, d)));
    }
}

// ∂R/∂w added to g for R = l1·Σ|w| + l2·Σw²: out = g + (l1·sign(w) + (2·l2)·w). out may be g.
template <typename T>
__device__ void penaltyGradientKernel(int n, const T* w, const T* g, T* out, double l1, double l2) {
    for (long long i = firstIndex(); i < n; i += gridStride()) {
        double wi = w[i];
        out[i] = T(addRn(g[i], addRn(mulRn(l1, javaSignum(wi)), mulRn(2 * l2, wi))));
    }
}

// acc[0] += Σ x², in double, by block 0 alone: a fixed order, so the same sum on every run (the order
// differs from the reference's sequential sum, so the last bits may too). Other blocks have nothing to do.
template <typename T> __device__ void sumOfSquaresKernel(int n, const T* x, double* acc) {
    __shared__ double shared[JGRAD_MAX_BLOCK];
    if (blockIdx.x != 0) return;  // the whole block leaves: no thread waits at a barrier for it
    double s = 0;
    for (long long j = threadIdx.x; j < n; j += blockDim.x) s = addRn(s, mulRn(x[j], x[j]));
    s = blockReduce(s, SumOp(), shared);
    if (threadIdx.x == 0) *acc += s;
}

// x ← x·(c/N) when N = √sumSq[0] > c: the factor is computed here, from the sum where it lives.
template <typename T> __device__ void clipToNormKernel(int n, T* x, const double* sumSq, double maxNorm) {
    double norm = sqrt(*sumSq);
    if (!(norm > maxNorm)) return;
    double factor = maxNorm / norm;
    for (long long i = firstIndex(); i < n; i += gridStride()) x[i] = T(mulRn(x[i], factor));
}

#define JGRAD_OPTIM_DOUBLE(T, S)                                                                         \
    extern "C" __global__ void sgd_##S(int n, T* w, T* b, const T* g, double lr, double momentum,       \
                                       int nesterov) { sgdKernel(n, w, b, g, lr, momentum, nesterov); } \
    extern "C" __global__ void adagrad_##S(int n, T* w, T* s, const T* g, double lr, double eps) {      \
        adagradKernel(n, w, s, g, lr, eps);                                                              \
    }                                                                                                    \
    extern "C" __global__ void rmsprop_##S(int n, T* w, T* v, const T* g, double lr, double rho,        \
                                           double eps) { rmspropKernel(n, w, v, g, lr, rho, eps); }      \
    extern "C" __global__ void adadelta_##S(int n, T* w, T* s, T* u, const T* g, double lr, double rho, \
                                            double eps) { adadeltaKernel(n, w, s, u, g, lr, rho, eps); } \
    extern "C" __global__ void penalty_gradient_##S(int n, const T* w, const T* g, T* out, double l1,   \
                                                    double l2) { penaltyGradientKernel(n, w, g, out, l1, l2); } \
    extern "C" __global__ void sum_of_squares_##S(int n, const T* x, double* acc) {                     \
        sumOfSquaresKernel(n, x, acc);                                                                   \
    }                                                                                                    \
    extern "C" __global__ void clip_to_norm_##S(int n, T* x, const double* sumSq, double maxNorm) {     \
        clipToNormKernel(n, x, sumSq, maxNorm);                                                          \
    }

JGRAD_OPTIM_DOUBLE(float, f32)
JGRAD_OPTIM_DOUBLE(double, f64)
