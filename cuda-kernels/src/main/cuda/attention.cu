// Attention pooling with the dot score (jgrad.nn.layers.Attention, article 002 §4.3), one block per
// batch row b. x is [B, T, d], the query h [B, d], the optional mask [B, T] (1 keep, 0 drop; null keeps
// every position), α and the score gradient [B, T], c [B, d]; all row-major and contiguous.
#include "jgrad.cuh"

// e_t = x_t · h;  α_t = exp(e_t − max) / Σ_kept exp(e_i − max) over kept t, 0 at dropped t;  c = Σ_t α_t x_t.
// A row with nothing kept gets α = 0 and c = 0, as in Attention. blockDim.x: a power of two ≤ JGRAD_MAX_BLOCK.
template <typename T>
__device__ void attentionForwardKernel(int rows, int steps, int d, const T* x, const T* h, const T* mask, T* alpha,
                                       T* c) {
    __shared__ T shared[JGRAD_MAX_BLOCK];
    for (long long b = blockIdx.x; b < rows; b += gridDim.x) {
        const T* xb = x + b * steps * d;
        const T* hb = h + b * d;
        T* ab = alpha + b * steps;
        T max = T(-INFINITY);
        bool anyKept = false;
        for (int t = threadIdx.x; t < steps; t += blockDim.x) {
            if (mask != nullptr && mask[b * steps + t] == T(0)) continue;
            T e = T(0);
            for (int k = 0; k < d; k++) e += xb[(long long)t * d + k] * hb[k];
            ab[t] = e;  // the score, kept here until the weights replace it
            max = javaMax(max, e);
            anyKept = true;
        }
        // How many threads saw a kept position: zero means the row is fully masked (Σ would be 0 there).
        T kept = blockReduce(T(anyKept ? 1 : 0), SumOp(), shared);
        max = blockReduce(max, MaxOp(), shared);
        T sum = T(0);
        for (int t = threadIdx.x; t < steps; t += blockDim.x) {
            bool keep = mask == nullptr || mask[b * steps + t] != T(0);
            ab[t] = keep ? exp(ab[t] - max) : T(0);
            sum += ab[t];
        }
        sum = blockReduce(sum, SumOp(), shared);
        for (int t = threadIdx.x; t < steps; t += blockDim.x) ab[t] = kept > T(0) ? ab[t] / sum : T(0);
        __syncthreads();  // every α_t is read by every thread below
        for (int k = threadIdx.x; k < d; k += blockDim.x) {
            T acc = T(0);
            for (int t = 0; t < steps; t++) acc += ab[t] * xb[(long long)t * d + k];
            c[b * d + k] = acc;
        }
    }
}

// From gc = ∂L/∂c and the optional gα = ∂L/∂α (null: 0), with α saved by the forward:
//   dα_t = gα_t + gc · x_t;   de_t = α_t (dα_t − Σ_s α_s dα_s)       (softmax backward; 0 where α = 0)
//   dx_t = α_t gc + de_t h;   dh = Σ_t de_t x_t
// de is written too: a caller with another score function (general, mlp) chains its own backward on it.
template <typename T>
__device__ void attentionBackwardKernel(int rows, int steps, int d, const T* x, const T* h, const T* alpha,
                                        const T* gAlpha, const T* gc, T* de, T* dx, T* dh) {
    __shared__ T shared[JGRAD_MAX_BLOCK];
    for (long long b = blockIdx.x; b < rows; b += gridDim.x) {
        const T* xb = x + b * steps * d;
        const T* ab = alpha + b * steps;
        const T* gcb = gc + b * d;
        T* deb = de + b * steps;
        T dot = T(0);
        for (int t = threadIdx.x; t < steps; t += blockDim.x) {
            T da = gAlpha != nullptr ? gAlpha[b * steps + t] : T(0);
            for (int k = 0; k < d; k++) da += gcb[k] * xb[(long long)t * d + k];
            deb[t] = da;  // dα_t, until de_t replaces it
            dot += ab[t] * da;
        }
        dot = blockReduce(dot, SumOp(), shared);
        for (int t = threadIdx.x; t < steps; t += blockDim.x) deb[t] = ab[t] * (deb[t] - dot);
        __syncthreads();  // every de_t is read by every thread below
        for (long long j = threadIdx.x; j < (long long)steps * d; j += blockDim.x) {
            long long t = j / d, k = j % d;
            dx[b * steps * d + j] = ab[t] * gcb[k] + deb[t] * h[b * d + k];
        }
        for (int k = threadIdx.x; k < d; k += blockDim.x) {
            T acc = T(0);
            for (int t = 0; t < steps; t++) acc += deb[t] * xb[(long long)t * d + k];
            dh[b * d + k] = acc;
        }
    }
}

#define JGRAD_ATTENTION(T, S)                                                                              \
    extern "C" __global__ void attention_forward_##S(int rows, int steps, int d, const T* x, const T* h,   \
                                                     const T* mask, T* alpha, T* c) {                      \
        attentionForwardKernel(rows, steps, d, x, h, mask, alpha, c);                                      \
    }                                                                                                      \
    extern "C" __global__ void attention_backward_##S(int rows, int steps, int d, const T* x, const T* h,  \
                                                      const T* alpha, const T* gAlpha, const T* gc, T* de, \
                                                      T* dx, T* dh) {                                      \
        attentionBackwardKernel(rows, steps, d, x, h, alpha, gAlpha, gc, de, dx, dh);                      \
    }

JGRAD_ATTENTION(float, f32)
JGRAD_ATTENTION(double, f64)
