package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * A chunk's three products when the depth K = C·kh·kw is small (the first convolution of an image model:
 * K = 9), as direct loops with lanes over the chunk's columns: K rows of the column matrix fit in L1, so
 * each output vector is K multiply-adds over vectors already there, written once, with no packing. The
 * column matrix cols is [K, width], the rows of D are [C_out, width], W is [C_out, K].
 */
final class SimdConvShallow {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private SimdConvShallow() {
    }

    /** z[n, o, q] = act(b[o] + Σ_t W[o, t]·cols[t, n·P + q]) for the chunk's m images, z from zAt. */
    static void forward(int k, int filters, boolean relu, float[] cols, int width, int m, int p, float[] w, int wOff,
                        float[] b, int bOff, float[] z, int zAt) {
        for (int n = 0; n < m; n++) {
            for (int o = 0; o < filters; o++) {
                int wRow = wOff + o * k;
                float bias = b[bOff + o];
                int out = zAt + (n * filters + o) * p;
                int in = n * p;
                int q = 0;
                for (int upper = S.loopBound(p); q < upper; q += S.length()) {
                    FloatVector acc = FloatVector.broadcast(S, bias);
                    for (int t = 0; t < k; t++) {
                        acc = FloatVector.fromArray(S, cols, t * width + in + q).fma(FloatVector.broadcast(S, w[wRow + t]), acc);
                    }
                    (relu ? acc.max(0f) : acc).intoArray(z, out + q);
                }
                for (; q < p; q++) {
                    float s = bias;
                    for (int t = 0; t < k; t++) {
                        s = Math.fma(cols[t * width + in + q], w[wRow + t], s);
                    }
                    z[out + q] = relu ? Math.max(s, 0f) : s;
                }
            }
        }
    }

    /**
     * dWᵀ[t, o] (+)= Σ_q D[o, q]·cols[t, q], at partials[pOff + t·C_out + o]; set when {@code first}. Three taps
     * at a time share each load of D (a dot product per tap loaded two vectors per multiply-add); each sum is
     * still {@link SimdReductions#dot}'s chain and fold, so the bits do not change.
     */
    static void weightGradient(int k, int filters, float[] rows, float[] cols, int width, float[] partials, int pOff,
                               boolean first) {
        for (int o = 0; o < filters; o++) {
            int t = 0;
            for (; t + 3 <= k; t += 3) {
                dots3(rows, o * width, cols, t * width, width, partials, pOff + t * filters + o, filters, first);
            }
            for (; t < k; t++) {
                float s = SimdReductions.dot(rows, o * width, cols, t * width, width);
                int at = pOff + t * filters + o;
                partials[at] = first ? s : partials[at] + s;
            }
        }
    }

    /**
     * Three of {@link SimdReductions#dot}'s sums s_d = Σ_q a[aAt + q]·b[bAt + d·len + q], a loaded once, set into (or, unless
     * {@code first}, added to) out[at + d·stride] for d = 0, 1, 2.
     */
    private static void dots3(float[] a, int aAt, float[] b, int bAt, int len, float[] out, int at, int stride,
                              boolean first) {
        FloatVector acc0 = FloatVector.zero(S), acc1 = acc0, acc2 = acc0;
        int q = 0;
        for (int upper = S.loopBound(len); q < upper; q += S.length()) {
            FloatVector av = FloatVector.fromArray(S, a, aAt + q);
            acc0 = av.fma(FloatVector.fromArray(S, b, bAt + q), acc0);
            acc1 = av.fma(FloatVector.fromArray(S, b, bAt + len + q), acc1);
            acc2 = av.fma(FloatVector.fromArray(S, b, bAt + 2 * len + q), acc2);
        }
        for (int h = L / 2; h > 0; h /= 2) {          // SimdMath.FOLD's tree, written out: see there
            VectorShuffle<Float> fold = SimdMath.FOLD[Integer.numberOfTrailingZeros(h)];
            acc0 = acc0.add(acc0.rearrange(fold));
            acc1 = acc1.add(acc1.rearrange(fold));
            acc2 = acc2.add(acc2.rearrange(fold));
        }
        float s0 = acc0.lane(0);
        float s1 = acc1.lane(0);
        float s2 = acc2.lane(0);
        for (int r = q; r < len; r++) {
            float x = a[aAt + r];
            s0 = Math.fma(x, b[bAt + r], s0);
            s1 = Math.fma(x, b[bAt + len + r], s1);
            s2 = Math.fma(x, b[bAt + 2 * len + r], s2);
        }
        out[at] = first ? s0 : out[at] + s0;
        out[at + stride] = first ? s1 : out[at + stride] + s1;
        out[at + 2 * stride] = first ? s2 : out[at + 2 * stride] + s2;
    }

    /**
     * dcols[t, q] = Σ_o W[o, t]·D[o, q]. Three taps at a time share each load of D (one tap at a time loaded a
     * vector of D per multiply-add); every element is the same chain of multiply-adds over o as before.
     */
    static void columns(int k, int filters, float[] w, int wOff, float[] rows, int width, float[] dcols) {
        int t = 0;
        int vectors = S.loopBound(width);
        for (; t + 3 <= k; t += 3) {
            for (int q = 0; q < vectors; q += S.length()) {
                FloatVector acc0 = FloatVector.zero(S), acc1 = acc0, acc2 = acc0;
                for (int o = 0; o < filters; o++) {
                    FloatVector d = FloatVector.fromArray(S, rows, o * width + q);
                    int at = wOff + o * k + t;
                    acc0 = d.fma(FloatVector.broadcast(S, w[at]), acc0);
                    acc1 = d.fma(FloatVector.broadcast(S, w[at + 1]), acc1);
                    acc2 = d.fma(FloatVector.broadcast(S, w[at + 2]), acc2);
                }
                acc0.intoArray(dcols, t * width + q);
                acc1.intoArray(dcols, (t + 1) * width + q);
                acc2.intoArray(dcols, (t + 2) * width + q);
            }
            for (int d = 0; d < 3; d++) {
                columnTail(t + d, k, filters, w, wOff, rows, width, vectors, dcols);
            }
        }
        for (; t < k; t++) {
            for (int q = 0; q < vectors; q += S.length()) {
                FloatVector acc = FloatVector.zero(S);
                for (int o = 0; o < filters; o++) {
                    acc = FloatVector.fromArray(S, rows, o * width + q).fma(FloatVector.broadcast(S, w[wOff + o * k + t]), acc);
                }
                acc.intoArray(dcols, t * width + q);
            }
            columnTail(t, k, filters, w, wOff, rows, width, vectors, dcols);
        }
    }

    /** dcols[t, q] for the columns q ≥ from that do not fill a vector. */
    private static void columnTail(int t, int k, int filters, float[] w, int wOff, float[] rows, int width, int from,
                                   float[] dcols) {
        for (int q = from; q < width; q++) {
            float s = 0f;
            for (int o = 0; o < filters; o++) {
                s = Math.fma(rows[o * width + q], w[wOff + o * k + t], s);
            }
            dcols[t * width + q] = s;
        }
    }

    /** Σ a[at..at+len). */
    static float sum(float[] a, int at, int len) {
        FloatVector acc = FloatVector.zero(S);
        int q = 0;
        for (int upper = S.loopBound(len); q < upper; q += S.length()) {
            acc = acc.add(FloatVector.fromArray(S, a, at + q));
        }
        for (int h = L / 2; h > 0; h /= 2) {          // SimdMath.FOLD's tree, written out: see there
            acc = acc.add(acc.rearrange(SimdMath.FOLD[Integer.numberOfTrailingZeros(h)]));
        }
        float s = acc.lane(0);
        for (; q < len; q++) {
            s += a[at + q];
        }
        return s;
    }
}
