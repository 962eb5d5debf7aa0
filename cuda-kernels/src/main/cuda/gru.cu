// The fused GRU step (article 000 §4.3): the elementwise halves of one step around the cuBLAS GEMMs of
// jgrad.kernels.GruKernel. A row's pre-activations and activations are three blocks of n values in
// the gate order z, r, h̃; one thread per unit k reads its gates and owns that unit's state. The
// candidate's GEMM reads r ⊙ h_{t−1}, so a step has two halves each way.
#include "jgrad.cuh"

// act_z = σ(pre_z), act_r = σ(pre_r); resetH = r ⊙ h_{t−1}, the input of the candidate's GEMM.
template <typename T>
__device__ void gruGatesForwardKernel(int n, const T* pre, const T* hPrev, T* act, T* resetH) {
    for (long long k = firstIndex(); k < n; k += gridStride()) {
        T z = sigmoidOf(pre[k]);
        T r = sigmoidOf(pre[n + k]);
        act[k] = z;
        act[n + k] = r;
        resetH[k] = r * hPrev[k];
    }
}

// act_h̃ = h̃ = tanh(pre_h̃);  h_t = h̃ + z ⊙ (h_{t−1} − h̃).
template <typename T>
__device__ void gruStateForwardKernel(int n, const T* pre, const T* hPrev, T* act, T* h) {
    for (long long k = firstIndex(); k < n; k += gridStride()) {
        T cand = tanh(pre[2LL * n + k]);
        act[2LL * n + k] = cand;
        h[k] = cand + act[k] * (hPrev[k] - cand);
    }
}

// dh ← up + dh (up walked with upStep 1, or one value repeated with 0);  dpre_h̃ = dh (1 − z)(1 − h̃²).
// d(r ⊙ h_{t−1}) = dpre_h̃ W_hh̃ is a GEMM, left to cuBLAS.
template <typename T>
__device__ void gruStateBackwardKernel(int n, const T* act, const T* up, int upStep, T* dh, T* dpre) {
    for (long long k = firstIndex(); k < n; k += gridStride()) {
        T g = up[k * upStep] + dh[k];
        T cand = act[2LL * n + k];
        dh[k] = g;
        dpre[2LL * n + k] = g * (T(1) - act[k]) * (T(1) - cand * cand);
    }
}

// With dResetH = ∂L/∂(r ⊙ h_{t−1}):  dpre_z = dh (h_{t−1} − h̃) z(1 − z),  dpre_r = dResetH h_{t−1} r(1 − r),
// dhPrev = dh z + dResetH r, the direct part of ∂L/∂h_{t−1} (the gates' GEMM adds the rest).
template <typename T>
__device__ void gruGatesBackwardKernel(int n, const T* act, const T* hPrev, const T* dh, const T* dResetH, T* dhPrev,
                                       T* dpre) {
    for (long long k = firstIndex(); k < n; k += gridStride()) {
        T z = act[k], r = act[n + k], cand = act[2LL * n + k];
        T h = hPrev[k], g = dh[k], gr = dResetH[k];
        dpre[k] = g * (h - cand) * (z * (T(1) - z));
        dpre[n + k] = gr * h * (r * (T(1) - r));
        dhPrev[k] = g * z + gr * r;
    }
}

#define JGRAD_GRU(T, S)                                                                                        \
    extern "C" __global__ void gru_gates_forward_##S(int n, const T* pre, const T* hPrev, T* act, T* resetH) { \
        gruGatesForwardKernel(n, pre, hPrev, act, resetH);                                                     \
    }                                                                                                          \
    extern "C" __global__ void gru_state_forward_##S(int n, const T* pre, const T* hPrev, T* act, T* h) {      \
        gruStateForwardKernel(n, pre, hPrev, act, h);                                                          \
    }                                                                                                          \
    extern "C" __global__ void gru_state_backward_##S(int n, const T* act, const T* up, int upStep, T* dh,     \
                                                      T* dpre) {                                               \
        gruStateBackwardKernel(n, act, up, upStep, dh, dpre);                                                  \
    }                                                                                                          \
    extern "C" __global__ void gru_gates_backward_##S(int n, const T* act, const T* hPrev, const T* dh,        \
                                                      const T* dResetH, T* dhPrev, T* dpre) {                  \
        gruGatesBackwardKernel(n, act, hPrev, dh, dResetH, dhPrev, dpre);                                      \
    }

JGRAD_GRU(float, f32)
JGRAD_GRU(double, f64)
