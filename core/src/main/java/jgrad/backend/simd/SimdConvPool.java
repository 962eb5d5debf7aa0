package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.ConvGeometry;
import jgrad.backend.Reusable;

/**
 * A convolution with its ReLU followed by a 2×2 max pooling at stride 2 ({@link jgrad.backend.Backend#convMaxPool}),
 * fused into {@link SimdConvolution}'s chunk pass: each chunk's output, just computed and still in cache, is
 * biased, rectified and pooled there, so the convolution's output z never reaches memory (in fashion-cnn it is
 * 5.5 MB that the separate pooling read twice and its gradient as much again). The record kept for the backward
 * is one number per window: code = winners + 16·ties, winners having bit u·2 + v set when tap (u, v) equals the
 * window's maximum and that maximum is above 0 (a window whose maximum is 0 passes no gradient through the ReLU,
 * so it keeps no winner), ties the count of those bits. The backward rebuilds each chunk's rows of D from dy and
 * the codes: D = dy / ties at the winners, 0 elsewhere, which is what the pooling's backward followed by the
 * ReLU's mask gives, to the bit (the same maxima, the same ties, the same division).
 *
 * <p>Lanes run over the columns of two rows of z: the pair (2j, 2j + 1) of a window's columns is swapped within
 * the vector to take the window's maximum, and one shuffle gathers the even lanes into the pooled row. The
 * backward spreads each window back over its two columns by the inverse shuffle.
 */
final class SimdConvPool {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ZERO = FloatVector.zero(S);
    /** Lane l takes lane l xor 1: each column meets the other column of its window. */
    private static final VectorShuffle<Float> SWAP = VectorShuffle.fromOp(S, l -> l ^ 1);
    /** Lane l takes lane 2l (the lanes past half take lane 0 and are not stored): one lane per window. */
    private static final VectorShuffle<Float> EVENS = VectorShuffle.fromOp(S, l -> 2 * l < L ? 2 * l : 0);
    /** Lane l takes lane l / 2: each window over its two columns. */
    private static final VectorShuffle<Float> HALVES = VectorShuffle.fromOp(S, l -> l / 2);
    /** A winner's part of the code, by lane, in a window's top row and in its bottom row: its bit and one tie. */
    private static final FloatVector TOP_CODE = FloatVector.fromArray(S, codes(1), 0);
    private static final FloatVector BOTTOM_CODE = FloatVector.fromArray(S, codes(4), 0);
    /** The bit of a lane's tap in a window's top row and in its bottom row. */
    private static final IntVector TOP_BIT = IntVector.fromArray(I, bits(1), 0);
    private static final IntVector BOTTOM_BIT = IntVector.fromArray(I, bits(4), 0);
    /** The code counts ties from this bit up. */
    private static final int TIE_SHIFT = 4;

    /** Each thread's maxima and codes of one plane, a vector longer than the plane. */
    private static final Reusable<float[][]> SCRATCH = new Reusable<>(() -> new float[2][0]);

    private SimdConvPool() {
    }

    /** A 2×2 pooling at stride 2 without padding: the case this class serves. */
    static boolean serves(ConvGeometry pool) {
        return pool.kh() == 2 && pool.kw() == 2 && pool.sh() == 2 && pool.sw() == 2 && pool.ph() == 0
                && pool.pw() == 0 && pool.dh() == 1 && pool.dw() == 1;
    }

    /** One code per window: batch · filters · pool.outH · pool.outW. */
    static int recordSize(ConvGeometry pool) {
        return pool.batch() * pool.channels() * pool.outH() * pool.outW();
    }

    static void forward(ConvGeometry g, int filters, ConvGeometry pool, float[] x, int xOff, float[] w, int wOff,
                        float[] b, int bOff, float[] y, float[] record) {
        SimdConvolution.overChunks(g, filters, (n0, m, ws) -> forwardChunk(g, filters, pool, x, xOff, w, wOff, b,
                bOff, y, record, n0, m, ws));
    }

    /**
     * The chunk's product as {@link SimdConvolution}'s forward computes it (the direct loops write it biased and
     * rectified, image-major; the GEMM writes it bare, filter-major), then each plane pooled into the scratch
     * rows and copied out.
     */
    private static void forwardChunk(ConvGeometry g, int filters, ConvGeometry pool, float[] x, int xOff, float[] w,
                                     int wOff, float[] b, int bOff, float[] y, float[] record, int n0, int m,
                                     SimdConvolution.Workspace ws) {
        int k = g.patchSize();
        int p = g.outH() * g.outW();
        int width = m * p;
        float[] cols = ws.cols = SimdConvolution.Workspace.atLeast(ws.cols, k * width);
        SimdConv.im2col(g.withBatch(m), 0f, x, xOff + n0 * SimdConvolution.imageSize(g), cols, 0);
        float[] rows = ws.rows = SimdConvolution.Workspace.atLeast(ws.rows, filters * width);
        boolean direct = k <= SimdConvolution.SMALL_DEPTH;
        if (direct) {
            SimdConvShallow.forward(k, filters, true, cols, width, m, p, w, wOff, b, bOff, rows, 0);
        } else {
            SimdGemm.gemm(false, false, filters, width, k, w, wOff, k, cols, 0, width, 0f, rows, 0, width);
        }
        int pooled = pool.outH() * pool.outW();
        float[][] scratch = SCRATCH.take();
        try {
            if (scratch[0].length < pooled + L) {
                scratch[0] = new float[pooled + L];
                scratch[1] = new float[pooled + L];
            }
            for (int n = 0; n < m; n++) {
                for (int o = 0; o < filters; o++) {
                    int at = direct ? (n * filters + o) * p : o * width + n * p;
                    float bias = direct ? 0f : b[bOff + o];     // max(v + 0, 0) = v for v ≥ 0: the same bits
                    poolPlane(rows, at, bias, g.outW(), pool, scratch[0], scratch[1]);
                    int out = ((n0 + n) * filters + o) * pooled;
                    System.arraycopy(scratch[0], 0, y, out, pooled);
                    System.arraycopy(scratch[1], 0, record, out, pooled);
                }
            }
        } finally {
            SCRATCH.give(scratch);
        }
    }

    /**
     * The maxima and codes of one plane of z, z = max(rows + bias, 0) read from rows[at ...] with rows of outW,
     * into maxes and codes [pool.outH, pool.outW]. Whole vectors throughout (masked stores at each row's end were
     * this pass's hottest spot at 256 bits in JFR): lanes past a row's windows read the next row or the next plane,
     * and their results land past the row's windows in the scratch rows, where the next store overwrites them or
     * nobody reads them. Loads and stores are written out here and in {@link #spreadPlane}: a helper taking or
     * returning a vector may be left out of line by C2, which then boxes every vector that crosses it.
     */
    private static void poolPlane(float[] rows, int at, float bias, int outW, ConvGeometry pool, float[] maxes,
                                  float[] codes) {
        int pw = pool.outW();
        int covered = 2 * pw;
        for (int i = 0; i < pool.outH(); i++) {
            int top = at + 2 * i * outW;
            for (int c0 = 0; c0 < covered; c0 += L) {
                int upper = top + c0, lower = upper + outW;
                FloatVector a = (upper + L <= rows.length ? FloatVector.fromArray(S, rows, upper)
                        : FloatVector.fromArray(S, rows, upper, S.indexInRange(upper, rows.length))).add(bias).max(0f);
                FloatVector c = (lower + L <= rows.length ? FloatVector.fromArray(S, rows, lower)
                        : FloatVector.fromArray(S, rows, lower, S.indexInRange(lower, rows.length))).add(bias).max(0f);
                FloatVector column = a.max(c);
                FloatVector max = column.max(column.rearrange(SWAP));
                VectorMask<Float> live = max.compare(VectorOperators.GT, 0f);
                FloatVector code = ZERO.blend(TOP_CODE, a.eq(max).and(live))
                        .add(ZERO.blend(BOTTOM_CODE, c.eq(max).and(live)));
                code = code.add(code.rearrange(SWAP));
                int window = i * pw + c0 / 2;
                max.rearrange(EVENS).intoArray(maxes, window);
                code.rearrange(EVENS).intoArray(codes, window);
            }
        }
    }

    static void backward(ConvGeometry g, int filters, ConvGeometry pool, float[] x, int xOff, float[] w, int wOff,
                         float[] record, float[] dy, int dyOff, float[] dx, int dxOff, float[] dW, float[] db) {
        int p = g.outH() * g.outW();
        int pooled = pool.outH() * pool.outW();
        SimdConvolution.backward(g, filters, (n0, m, rows) -> {
            for (int o = 0; o < filters; o++) {                 // planes in the order they lie in rows
                for (int n = 0; n < m; n++) {
                    int window = ((n0 + n) * filters + o) * pooled;
                    spreadPlane(record, window, dy, dyOff + window, pool, g.outH(), g.outW(), rows, o * m * p + n * p);
                }
            }
        }, x, xOff, w, wOff, dx, dxOff, dW, db);
    }

    /**
     * One plane of D at rows[at ...]: dy / ties of its window where the code marks a winner, else 0. Whole
     * vectors as in {@link #poolPlane}: a run that passes the row's end writes into the next row or the next
     * plane, which are written after it (the planes go in the order they lie in rows).
     */
    private static void spreadPlane(float[] record, int window, float[] dy, int dyAt, ConvGeometry pool, int outH,
                                    int outW, float[] rows, int at) {
        int pw = pool.outW();
        for (int r = 0; r < outH; r++) {
            int i = r / 2;
            int d = at + r * outW;
            if (i >= pool.outH()) {
                for (int c0 = 0; c0 < outW; c0 += L) {
                    int to = d + c0;
                    if (to + L <= rows.length) {
                        ZERO.intoArray(rows, to);
                    } else {
                        ZERO.intoArray(rows, to, S.indexInRange(to, rows.length));
                    }
                }
                continue;
            }
            IntVector bit = r % 2 == 0 ? TOP_BIT : BOTTOM_BIT;
            for (int c0 = 0; c0 < outW; c0 += L) {
                int first = i * pw + c0 / 2;
                int codeAt = window + first, gradAt = dyAt + first;
                FloatVector code = (codeAt + L <= record.length ? FloatVector.fromArray(S, record, codeAt)
                        : FloatVector.fromArray(S, record, codeAt, S.indexInRange(codeAt, record.length))).rearrange(HALVES);
                FloatVector grad = (gradAt + L <= dy.length ? FloatVector.fromArray(S, dy, gradAt)
                        : FloatVector.fromArray(S, dy, gradAt, S.indexInRange(gradAt, dy.length))).rearrange(HALVES);
                IntVector codes = (IntVector) code.convert(VectorOperators.F2I, 0);
                VectorMask<Float> won = codes.and(bit).compare(VectorOperators.NE, 0).cast(S)
                        .and(S.indexInRange(c0, 2 * pw));
                FloatVector ties = (FloatVector) codes.lanewise(VectorOperators.LSHR, TIE_SHIFT)
                        .convert(VectorOperators.I2F, 0);
                FloatVector spread = ZERO.blend(grad.div(ties), won);
                int to = d + c0;
                if (to + L <= rows.length) {
                    spread.intoArray(rows, to);
                } else {
                    spread.intoArray(rows, to, S.indexInRange(to, rows.length));
                }
            }
        }
    }

    private static float[] codes(int bit) {
        float[] c = new float[L];
        for (int l = 0; l < L; l++) {
            c[l] = (bit << (l & 1)) + (1 << TIE_SHIFT);
        }
        return c;
    }

    private static int[] bits(int bit) {
        int[] c = new int[L];
        for (int l = 0; l < L; l++) {
            c[l] = bit << (l & 1);
        }
        return c;
    }
}
