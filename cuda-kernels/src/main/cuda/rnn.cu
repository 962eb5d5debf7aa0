// The fused RNN step (article 000 §4.1): the activation of one step and its gradient, around the
// cuBLAS GEMMs of jgrad.kernels.RnnKernel. n values of one row; σ is a jgrad.backend.UnaryOp code.
#include "jgrad.cuh"
#include "unary.cuh"

// h = σ(pre)
template <typename T> __device__ void rnnStepForwardKernel(int op, T alpha, int n, const T* pre, T* h) {
    for (long long k = firstIndex(); k < n; k += gridStride()) h[k] = unaryOf(op, pre[k], alpha);
}

// dh ← up + dh (up walked with upStep 1, or one value repeated with 0); dpre = dh ⊙ σ'(pre), from pre or h.
// dh_{t−1} = dpre W_hh is a GEMM, left to cuBLAS.
template <typename T>
__device__ void rnnStepBackwardKernel(int op, T alpha, int n, const T* pre, const T* h, const T* up, int upStep, T* dh,
                                      T* dpre) {
    for (long long k = firstIndex(); k < n; k += gridStride()) {
        T g = up[k * upStep] + dh[k];
        dh[k] = g;
        dpre[k] = g * derivativeOf(op, pre[k], h[k], alpha);
    }
}

#define JGRAD_RNN(T, S)                                                                                      \
    extern "C" __global__ void rnn_step_forward_##S(int op, T alpha, int n, const T* pre, T* h) {            \
        rnnStepForwardKernel(op, alpha, n, pre, h);                                                          \
    }                                                                                                        \
    extern "C" __global__ void rnn_step_backward_##S(int op, T alpha, int n, const T* pre, const T* h,       \
                                                     const T* up, int upStep, T* dh, T* dpre) {              \
        rnnStepBackwardKernel(op, alpha, n, pre, h, up, upStep, dh, dpre);                                   \
    }

JGRAD_RNN(float, f32)
JGRAD_RNN(double, f64)
