// The fused LSTM step (article 000 §4.2): the nonlinearities and the state update of one step, after
// cuBLAS has computed the gate pre-activations pre = W_x x_t + W_h h_{t−1} + b.
//
// Layout, the one of jgrad.kernels.LstmKernel: a step's pre-activations are four blocks of n = H·B
// values in the gate order f, i, o, c̃ ([4H, B] per step, batch last), and c, h, tanh(c) are [H, B].
// Element k of every block belongs to the same (unit, batch) pair, so one thread per k reads its
// four gates and owns that pair's state. The kernels only rely on "four blocks of n, same order as
// the state", so [B, H] blocks work too, as long as pre and the state agree.
#include "jgrad.cuh"

// f = σ(pre_f), i = σ(pre_i), o = σ(pre_o), c̃ = tanh(pre_c̃)      (saved in act, same layout as pre)
// c_t = f ⊙ c_{t−1} + i ⊙ c̃,  h_t = o ⊙ tanh(c_t)                (tanh(c_t) saved for the backward)
// act may be pre itself: each thread reads its four pre-activations before writing them.
template <typename T>
__device__ void lstmStepForwardKernel(int n, const T* pre, const T* cPrev, T* act, T* c, T* tanhC, T* h) {
    for (long long k = firstIndex(); k < n; k += gridStride()) {
        T f = sigmoidOf(pre[k]);
        T i = sigmoidOf(pre[n + k]);
        T o = sigmoidOf(pre[2LL * n + k]);
        T cand = tanh(pre[3LL * n + k]);
        T cNew = f * cPrev[k] + i * cand;
        T tc = tanh(cNew);
        act[k] = f;
        act[n + k] = i;
        act[2LL * n + k] = o;
        act[3LL * n + k] = cand;
        c[k] = cNew;
        tanhC[k] = tc;
        h[k] = o * tc;
    }
}

// From dh = ∂L/∂h_t and dc = ∂L/∂c_t (the gradient arriving from step t+1 plus the one on c_t's output):
//   dc  ← dc + dh ⊙ o ⊙ (1 − tanh²c_t)          the total ∂L/∂c_t
//   dpre_f = dc ⊙ c_{t−1} ⊙ f(1−f)    dpre_i = dc ⊙ c̃ ⊙ i(1−i)
//   dpre_o = dh ⊙ tanh(c_t) ⊙ o(1−o)  dpre_c̃ = dc ⊙ i ⊙ (1−c̃²)
//   dc_{t−1} = dc ⊙ f, written over dc (the caller then adds the next output gradient to it).
// dh_{t−1} = W_hᵀ dpre is a GEMM, left to cuBLAS.
template <typename T>
__device__ void lstmStepBackwardKernel(int n, const T* act, const T* cPrev, const T* tanhC, const T* dh, T* dc,
                                       T* dpre) {
    for (long long k = firstIndex(); k < n; k += gridStride()) {
        T f = act[k], i = act[n + k], o = act[2LL * n + k], cand = act[3LL * n + k];
        T tc = tanhC[k];
        T dcTotal = dc[k] + dh[k] * o * (T(1) - tc * tc);
        dpre[k] = dcTotal * cPrev[k] * f * (T(1) - f);
        dpre[n + k] = dcTotal * cand * i * (T(1) - i);
        dpre[2LL * n + k] = dh[k] * tc * o * (T(1) - o);
        dpre[3LL * n + k] = dcTotal * i * (T(1) - cand * cand);
        dc[k] = dcTotal * f;
    }
}

#define JGRAD_LSTM(T, S)                                                                                  \
    extern "C" __global__ void lstm_step_forward_##S(int n, const T* pre, const T* cPrev, T* act, T* c,   \
                                                     T* tanhC, T* h) {                                    \
        lstmStepForwardKernel(n, pre, cPrev, act, c, tanhC, h);                                           \
    }                                                                                                     \
    extern "C" __global__ void lstm_step_backward_##S(int n, const T* act, const T* cPrev, const T* tanhC, \
                                                      const T* dh, T* dc, T* dpre) {                      \
        lstmStepBackwardKernel(n, act, cPrev, tanhC, dh, dc, dpre);                                       \
    }

JGRAD_LSTM(float, f32)
JGRAD_LSTM(double, f64)
