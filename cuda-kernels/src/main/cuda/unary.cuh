// The unary maps and their derivatives, by op code: shared by elementwise.cu and the fused steps
// that apply an activation (rnn.cu). Only what cuda_host_emu.h emulates may be used here.
#pragma once

#include "jgrad.cuh"

template <typename T> __device__ T unaryOf(int op, T x, T alpha) {
    switch (op) {
        case U_NEG: return -x;
        case U_EXP: return exp(x);
        case U_LOG: return log(x);
        case U_SQRT: return sqrt(x);
        case U_ABS: return fabs(x);
        case U_TANH: return tanh(x);
        case U_SIGMOID: return sigmoidOf(x);
        case U_RELU: return x > T(0) ? x : T(0);
        case U_LEAKY_RELU: return x > T(0) ? x : alpha * x;
        case U_POW: return pow(x, alpha);
        case U_SCALE: return alpha * x;
        default: return x + alpha;  // U_SHIFT
    }
}

// f'(x) given x and y = f(x), whichever is cheaper.
template <typename T> __device__ T derivativeOf(int op, T x, T y, T alpha) {
    switch (op) {
        case U_NEG: return T(-1);
        case U_EXP: return y;
        case U_LOG: return T(1) / x;
        case U_SQRT: return T(0.5) / y;
        case U_ABS: return x > T(0) ? T(1) : (x < T(0) ? T(-1) : x);  // sign, keeping 0 and NaN
        case U_TANH: return T(1) - y * y;
        case U_SIGMOID: return y * (T(1) - y);
        case U_RELU: return x > T(0) ? T(1) : T(0);
        case U_LEAKY_RELU: return x > T(0) ? T(1) : alpha;
        case U_POW: return alpha * pow(x, alpha - T(1));
        case U_SCALE: return alpha;
        default: return T(1);  // U_SHIFT
    }
}
