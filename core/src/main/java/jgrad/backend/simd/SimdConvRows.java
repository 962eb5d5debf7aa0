package jgrad.backend.simd;

import java.util.Arrays;

import jgrad.backend.ConvGeometry;
import jgrad.backend.Reusable;

/**
 * The 1-d convolution over channels-last signals ({@link jgrad.backend.Backend#convRowsForward}) as an implicit
 * GEMM: for x [B, L, C] row-major, the window of k taps at position t of sentence n is the contiguous run
 * x[n, t .. t+k−1, :] of K = k·C numbers, so the column matrix of im2col, transposed, is x itself read as a
 * matrix X of B·L − k + 1 rows of K numbers, C apart (the rows overlap). The GEMMs read X where it is; no
 * column matrix is written (im2col wrote 18 MB per batch at k = 5 for the sentiment CNN, col2im read as much).
 * With the weights reordered tap-major, W' [C_out, K], W'[o, u·C + c] = W[o, c, u]:
 * <pre>
 *   Z = W'·Xᵀ                    [C_out, B·L − k + 1]     z[n, o, t] = act(Z[o, n·L + t] + b[o]), t &lt; P
 *   dW' = D·X,  db = Σ_columns D,  dxᵀ[:, r + u] += (W'_uᵀ·D)[:, r]  (W'_u the C columns of tap u), u = 0 … k−1
 * </pre>
 * where P = L − k + 1 and D [C_out, B·L − k + 1] is the upstream gradient (times ReLU's mask) laid out as Z.
 * The filters are the GEMMs' rows: 100 maps fill the 12- and 4-row register tiles better than they fill the
 * 32- or 16-column ones (Zᵀ = X·W'ᵀ computed 128 columns for 100). The columns t ≥ P of a sentence are windows
 * that straddle two sentences: the forward computes and drops them ((k − 1)/L of the work, less than one GEMM
 * per sentence would lose), and D is 0 there, so they add nothing to dW, db or dx. Stride 1, no dilation, no
 * padding; the backend sends other geometries to the composition. Where the GEMM reads a narrow product's A in
 * place ({@link SimdGemmInPlace}: 100 maps at 512 bits), the forward is Zᵀ = X·W'ᵀ instead, X read unpacked:
 * packing Xᵀ as B cost more than the 28 columns of the last 32-column tile that compute nothing. dx is summed
 * channels first, dxᵀ [C, B·L], and transposed once at the end: with D as the GEMM's B (rows, packed with
 * vectors) and the small W' as its A, nothing large is packed transposed (D as a transposed A, four floats at a
 * time, was 9 % of the step at 256 bits).
 *
 * <p>The GEMM's results do not depend on the thread count, and the loops here are sequential.
 */
final class SimdConvRows {

    private static final Reusable<Workspace> WORKSPACE = new Reusable<>(Workspace::new);

    private SimdConvRows() {
    }

    /** The buffers of one call, kept for the next. */
    private static final class Workspace {
        float[] weights = new float[0];
        float[] rows = new float[0];
        float[] gradient = new float[0];

        static float[] atLeast(float[] a, int n) {
            return a.length >= n ? a : new float[n];
        }
    }

    /** Whether g is a geometry this pass computes: 1-d, stride 1, no dilation, no padding. */
    static boolean applies(ConvGeometry g) {
        return g.height() == 1 && g.kh() == 1 && g.sw() == 1 && g.dw() == 1 && g.pw() == 0 && g.batch() > 0;
    }

    static void forward(ConvGeometry g, int filters, boolean relu, float[] x, int xOff, float[] w, int wOff,
                        float[] b, int bOff, float[] z, int zOff) {
        int c = g.channels(), k = g.kw(), depth = c * k;
        int windows = windows(g);
        int len = g.width(), p = g.outW();
        Workspace ws = WORKSPACE.take();
        try {
            float[] wt = ws.weights = Workspace.atLeast(ws.weights, filters * depth);
            tapMajor(filters, c, k, w, wOff, wt);
            float[] zr = ws.rows = Workspace.atLeast(ws.rows, filters * windows);
            if (SimdGemmInPlace.applies(false, filters)) {
                SimdGemm.gemm(false, true, windows, filters, depth, x, xOff, c, wt, 0, depth, 0f, zr, 0, filters);
                biasActivationChannelsFirst(g, filters, relu, zr, b, bOff, z, zOff);
                return;
            }
            SimdGemm.gemm(false, true, filters, windows, depth, wt, 0, depth, x, xOff, c, 0f, zr, 0, windows);
            for (int n = 0; n < g.batch(); n++) {
                for (int o = 0; o < filters; o++) {
                    SimdConvolution.biasAndActivation(zr, o * windows + n * len, b[bOff + o], relu, z,
                            zOff + (n * filters + o) * p, p);
                }
            }
        } finally {
            WORKSPACE.give(ws);
        }
    }

    static void backward(ConvGeometry g, int filters, boolean relu, float[] x, int xOff, float[] w, int wOff,
                         float[] z, int zOff, float[] dz, int dzOff, float[] dx, int dxOff, float[] dW, float[] db) {
        int c = g.channels(), k = g.kw(), depth = c * k;
        int windows = windows(g);
        Workspace ws = WORKSPACE.take();
        try {
            float[] d = ws.rows = Workspace.atLeast(ws.rows, filters * windows);
            maskedRows(g, filters, relu, z, zOff, dz, dzOff, d);
            if (db != null) {
                for (int o = 0; o < filters; o++) {
                    db[o] = SimdConvShallow.sum(d, o * windows, windows);
                }
            }
            if (dW != null) {
                float[] dwt = ws.gradient = Workspace.atLeast(ws.gradient, filters * depth);
                SimdGemm.gemm(false, false, filters, depth, windows, d, 0, windows, x, xOff, c, 0f, dwt, 0, depth);
                for (int o = 0; o < filters; o++) {
                    for (int ch = 0; ch < c; ch++) {
                        for (int u = 0; u < k; u++) {
                            dW[(o * c + ch) * k + u] = dwt[o * depth + u * c + ch];
                        }
                    }
                }
            }
            if (dx != null) {
                float[] wt = ws.weights = Workspace.atLeast(ws.weights, filters * depth);
                tapMajor(filters, c, k, w, wOff, wt);
                int positions = g.batch() * g.width();
                float[] dxt = ws.gradient = Workspace.atLeast(ws.gradient, c * positions);
                Arrays.fill(dxt, 0, c * positions, 0f);
                for (int u = 0; u < k; u++) {
                    SimdGemm.gemm(true, false, c, windows, filters, wt, u * c, depth, d, 0, windows, 1f, dxt, u,
                            positions);
                }
                SimdMemory.transpose(dxt, 0, positions, c, positions, dx, dxOff, c);
            }
        } finally {
            WORKSPACE.give(ws);
        }
    }

    /** B·L − k + 1: every start of a window in the batch read as one signal. */
    private static int windows(ConvGeometry g) {
        return g.batch() * g.width() - g.kw() + 1;
    }

    /** z[n, o, t] = act(zt[n·L + t, o] + b[o]) for t &lt; P, from Zᵀ [B·L − k + 1, C_out]. */
    private static void biasActivationChannelsFirst(ConvGeometry g, int filters, boolean relu, float[] zt, float[] b,
                                                    int bOff, float[] z, int zOff) {
        int len = g.width(), p = g.outW();
        for (int n = 0; n < g.batch(); n++) {
            for (int o = 0; o < filters; o++) {
                float bias = b[bOff + o];
                int to = zOff + (n * filters + o) * p;
                int from = n * len * filters + o;
                for (int t = 0; t < p; t++) {
                    float sum = zt[from + t * filters] + bias;
                    z[to + t] = relu ? Math.max(sum, 0f) : sum;
                }
            }
        }
    }

    /** wt[o, u·C + c] = w[o, c, u]: the taps outermost, as a window of x lays them out. */
    private static void tapMajor(int filters, int c, int k, float[] w, int wOff, float[] wt) {
        int depth = c * k;
        for (int o = 0; o < filters; o++) {
            for (int u = 0; u < k; u++) {
                int to = o * depth + u * c;
                int from = wOff + o * c * k + u;
                for (int ch = 0; ch < c; ch++) {
                    wt[to + ch] = w[from + ch * k];
                }
            }
        }
    }

    /**
     * d[o, n·L + t] = dz[n, o, t] where z &gt; 0 (relu; dz itself otherwise) for t &lt; P, and 0 in the columns of
     * windows that straddle two sentences.
     */
    private static void maskedRows(ConvGeometry g, int filters, boolean relu, float[] z, int zOff, float[] dz,
                                   int dzOff, float[] d) {
        int len = g.width(), p = g.outW();
        int windows = windows(g);
        for (int o = 0; o < filters; o++) {
            for (int n = 0; n < g.batch(); n++) {
                int at = (n * filters + o) * p;
                int col = o * windows + n * len;
                SimdConvolution.reluMask(relu, dz, dzOff + at, z, zOff + at, d, col, p);
                if (n + 1 < g.batch()) {
                    Arrays.fill(d, col + p, col + len, 0f);
                }
            }
        }
    }
}
