// Sliding windows: im2col (a batch of images to the column matrix of a convolution or pooling) and
// col2im (its adjoint). The geometry is jgrad.backend.ConvGeometry, passed by value as 12 ints.
#include "jgrad.cuh"

struct WindowGeometry {
    int batch, channels, height, width, kh, kw, sh, sw, ph, pw, dh, dw;
};

__device__ __forceinline__ int outHeight(const WindowGeometry& g) {
    return (g.height + 2 * g.ph - g.dh * (g.kh - 1) - 1) / g.sh + 1;
}
__device__ __forceinline__ int outWidth(const WindowGeometry& g) {
    return (g.width + 2 * g.pw - g.dw * (g.kw - 1) - 1) / g.sw + 1;
}

// One thread per column-matrix entry: row (c·kh + u)·kw + v, column (n·outH + i)·outW + j.
template <typename T> __device__ void im2colKernel(WindowGeometry g, T pad, const T* x, T* cols) {
    int outH = outHeight(g), outW = outWidth(g);
    long long positions = (long long)g.batch * outH * outW;
    long long total = positions * g.channels * g.kh * g.kw;
    for (long long k = firstIndex(); k < total; k += gridStride()) {
        long long row = k / positions, col = k % positions;
        int v = row % g.kw, u = (row / g.kw) % g.kh, c = row / ((long long)g.kw * g.kh);
        int j = col % outW, i = (col / outW) % outH, n = col / ((long long)outW * outH);
        int y = i * g.sh + u * g.dh - g.ph, xc = j * g.sw + v * g.dw - g.pw;
        bool inside = y >= 0 && y < g.height && xc >= 0 && xc < g.width;
        cols[k] = inside ? x[(((long long)n * g.channels + c) * g.height + y) * g.width + xc] : pad;
    }
}

// One thread per input element, summing the entries read from it: no atomics, so the order of the
// sum is fixed (taps in row-major order) and the result does not depend on the launch.
template <typename T> __device__ void col2imKernel(WindowGeometry g, const T* cols, T* dx) {
    int outH = outHeight(g), outW = outWidth(g);
    long long positions = (long long)g.batch * outH * outW;
    long long total = (long long)g.batch * g.channels * g.height * g.width;
    for (long long k = firstIndex(); k < total; k += gridStride()) {
        int xc = k % g.width, y = (k / g.width) % g.height;
        int c = (k / ((long long)g.width * g.height)) % g.channels;
        int n = k / ((long long)g.width * g.height * g.channels);
        T sum = T(0);
        for (int u = 0; u < g.kh; u++) {
            int ri = y + g.ph - u * g.dh;
            if (ri < 0 || ri % g.sh != 0 || ri / g.sh >= outH) continue;
            int i = ri / g.sh;
            for (int v = 0; v < g.kw; v++) {
                int rj = xc + g.pw - v * g.dw;
                if (rj < 0 || rj % g.sw != 0 || rj / g.sw >= outW) continue;
                int j = rj / g.sw;
                long long row = ((long long)c * g.kh + u) * g.kw + v;
                sum += cols[row * positions + ((long long)n * outH + i) * outW + j];
            }
        }
        dx[k] = sum;
    }
}

#define JGRAD_CONV(T, S)                                                                                  \
    extern "C" __global__ void im2col_##S(WindowGeometry g, T pad, const T* x, T* cols) {                \
        im2colKernel(g, pad, x, cols);                                                                    \
    }                                                                                                     \
    extern "C" __global__ void col2im_##S(WindowGeometry g, const T* cols, T* dx) { col2imKernel(g, cols, dx); }

JGRAD_CONV(float, f32)
JGRAD_CONV(double, f64)
