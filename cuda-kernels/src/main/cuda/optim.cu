// Optimizer updates, one thread per parameter, in place.
#include "jgrad.cuh"

// SGD with momentum (the PyTorch form): v ← μv + g; p ← p − lr·v.
template <typename T> __device__ void sgdMomentumKernel(int n, T* p, T* v, const T* g, T lr, T momentum) {
    for (long long i = firstIndex(); i < n; i += gridStride()) {
        v[i] = momentum * v[i] + g[i];
        p[i] -= lr * v[i];
    }
}

// Adam: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − lr·(m/c₁) / (√(v/c₂) + ε),
// where c₁ = 1−β₁ᵗ and c₂ = 1−β₂ᵗ are the bias corrections, computed once per step by the host.
template <typename T>
__device__ void adamKernel(int n, T* p, T* m, T* v, const T* g, T lr, T beta1, T beta2, T eps, T c1, T c2) {
    for (long long i = firstIndex(); i < n; i += gridStride()) {
        m[i] = beta1 * m[i] + (T(1) - beta1) * g[i];
        v[i] = beta2 * v[i] + (T(1) - beta2) * g[i] * g[i];
        p[i] -= lr * (m[i] / c1) / (sqrt(v[i] / c2) + eps);
    }
}

#define JGRAD_OPTIM(T, S)                                                                                \
    extern "C" __global__ void sgd_momentum_##S(int n, T* p, T* v, const T* g, T lr, T momentum) {       \
        sgdMomentumKernel(n, p, v, g, lr, momentum);                                                     \
    }                                                                                                    \
    extern "C" __global__ void adam_##S(int n, T* p, T* m, T* v, const T* g, T lr, T beta1, T beta2,     \
                                        T eps, T c1, T c2) {                                             \
        adamKernel(n, p, m, v, g, lr, beta1, beta2, eps, c1, c2);                                        \
    }

JGRAD_OPTIM(float, f32)
JGRAD_OPTIM(double, f64)
