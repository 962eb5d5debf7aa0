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

    /**
     * z[n, o, q] = act(b[o] + Σ_t W[o, t]·cols[t, n·P + q]) for the chunk's m images, z from zAt. Four filters
     * and two vectors of positions at a time: each load of cols serves four filters, and the eight sums are
     * independent chains, enough to keep both FMA pipes busy (one sum at a time waited on its own chain of K
     * multiply-adds and loaded cols once per filter). Each sum is the same chain, bias first and t in order.
     */
    static void forward(int k, int filters, boolean relu, float[] cols, int width, int m, int p, float[] w, int wOff,
                        float[] b, int bOff, float[] z, int zAt) {
        for (int n = 0; n < m; n++) {
            int o = 0;
            for (; o + 4 <= filters; o += 4) {
                forward4(k, relu, cols, width, n * p, p, w, wOff + o * k, b, bOff + o, z, zAt + (n * filters + o) * p);
            }
            for (; o < filters; o++) {
                forwardFrom(0, k, relu, cols, width, n * p, p, w, wOff + o * k, b[bOff + o], z, zAt + (n * filters + o) * p);
            }
        }
    }

    /** Four filters' planes (weights from wRow, rows k apart; biases from bAt), planes p apart from out. */
    private static void forward4(int k, boolean relu, float[] cols, int width, int in, int p, float[] w, int wRow,
                                 float[] b, int bAt, float[] z, int out) {
        FloatVector b0 = FloatVector.broadcast(S, b[bAt]), b1 = FloatVector.broadcast(S, b[bAt + 1]);
        FloatVector b2 = FloatVector.broadcast(S, b[bAt + 2]), b3 = FloatVector.broadcast(S, b[bAt + 3]);
        int q = 0;
        for (; q + 2 * L <= p; q += 2 * L) {
            FloatVector a0 = b0, a1 = b1, a2 = b2, a3 = b3, c0 = b0, c1 = b1, c2 = b2, c3 = b3;
            for (int t = 0; t < k; t++) {
                int at = t * width + in + q;
                FloatVector x0 = FloatVector.fromArray(S, cols, at);
                FloatVector x1 = FloatVector.fromArray(S, cols, at + L);
                FloatVector w0 = FloatVector.broadcast(S, w[wRow + t]);
                a0 = x0.fma(w0, a0);
                c0 = x1.fma(w0, c0);
                FloatVector w1 = FloatVector.broadcast(S, w[wRow + k + t]);
                a1 = x0.fma(w1, a1);
                c1 = x1.fma(w1, c1);
                FloatVector w2 = FloatVector.broadcast(S, w[wRow + 2 * k + t]);
                a2 = x0.fma(w2, a2);
                c2 = x1.fma(w2, c2);
                FloatVector w3 = FloatVector.broadcast(S, w[wRow + 3 * k + t]);
                a3 = x0.fma(w3, a3);
                c3 = x1.fma(w3, c3);
            }
            if (relu) {
                a0 = a0.max(0f);
                a1 = a1.max(0f);
                a2 = a2.max(0f);
                a3 = a3.max(0f);
                c0 = c0.max(0f);
                c1 = c1.max(0f);
                c2 = c2.max(0f);
                c3 = c3.max(0f);
            }
            a0.intoArray(z, out + q);
            c0.intoArray(z, out + q + L);
            a1.intoArray(z, out + p + q);
            c1.intoArray(z, out + p + q + L);
            a2.intoArray(z, out + 2 * p + q);
            c2.intoArray(z, out + 2 * p + q + L);
            a3.intoArray(z, out + 3 * p + q);
            c3.intoArray(z, out + 3 * p + q + L);
        }
        for (int f = 0; f < 4; f++) {
            forwardFrom(q, k, relu, cols, width, in, p, w, wRow + f * k, b[bAt + f], z, out + f * p);
        }
    }

    /** One filter's plane from position q0 on: whole vectors, then one position at a time. */
    private static void forwardFrom(int q0, int k, boolean relu, float[] cols, int width, int in, int p, float[] w,
                                    int wRow, float bias, float[] z, int out) {
        int q = q0;
        for (; q + L <= p; q += L) {
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

    /**
     * dWᵀ[t, o] (+)= Σ_q D[o, q]·cols[t, q], at partials[pOff + t·C_out + o]; set when {@code first}. Two filters
     * and three taps at a time: six independent sums, each load of D serving three taps and each load of cols
     * two filters (one filter at a time left three chains, each multiply-add waiting on the one before). Each
     * sum is still {@link SimdReductions#dot}'s chain and fold, so the bits do not change.
     */
    static void weightGradient(int k, int filters, float[] rows, float[] cols, int width, float[] partials, int pOff,
                               boolean first) {
        int o = 0;
        for (; o + 2 <= filters; o += 2) {
            int t = 0;
            for (; t + 3 <= k; t += 3) {
                dots2x3(rows, o * width, cols, t * width, width, partials, pOff + t * filters + o, filters, first);
            }
            for (int f = o; f < o + 2; f++) {
                tapsFrom(t, k, filters, f, rows, cols, width, partials, pOff, first);
            }
        }
        if (o < filters) {                                  // an odd filter count's last filter
            tapsFrom(0, k, filters, o, rows, cols, width, partials, pOff, first);
        }
    }

    /** Filter o's sums for the taps from t on, one at a time. */
    private static void tapsFrom(int t0, int k, int filters, int o, float[] rows, float[] cols, int width,
                                 float[] partials, int pOff, boolean first) {
        for (int t = t0; t < k; t++) {
            float s = SimdReductions.dot(rows, o * width, cols, t * width, width);
            int at = pOff + t * filters + o;
            partials[at] = first ? s : partials[at] + s;
        }
    }

    /**
     * Six of {@link SimdReductions#dot}'s sums s_{e,d} = Σ_q a[aAt + e·len + q]·b[bAt + d·len + q] (two rows e of a,
     * three of b), set into (or, unless {@code first}, added to) out[at + e + d·stride].
     */
    private static void dots2x3(float[] a, int aAt, float[] b, int bAt, int len, float[] out, int at, int stride,
                                boolean first) {
        FloatVector s00 = FloatVector.zero(S), s01 = s00, s02 = s00, s10 = s00, s11 = s00, s12 = s00;
        int q = 0;
        for (int upper = S.loopBound(len); q < upper; q += S.length()) {
            FloatVector a0 = FloatVector.fromArray(S, a, aAt + q);
            FloatVector a1 = FloatVector.fromArray(S, a, aAt + len + q);
            FloatVector b0 = FloatVector.fromArray(S, b, bAt + q);
            s00 = a0.fma(b0, s00);
            s10 = a1.fma(b0, s10);
            FloatVector b1 = FloatVector.fromArray(S, b, bAt + len + q);
            s01 = a0.fma(b1, s01);
            s11 = a1.fma(b1, s11);
            FloatVector b2 = FloatVector.fromArray(S, b, bAt + 2 * len + q);
            s02 = a0.fma(b2, s02);
            s12 = a1.fma(b2, s12);
        }
        for (int h = L / 2; h > 0; h /= 2) {          // SimdMath.FOLD's tree, written out: see there
            VectorShuffle<Float> fold = SimdMath.FOLD[Integer.numberOfTrailingZeros(h)];
            s00 = s00.add(s00.rearrange(fold));
            s01 = s01.add(s01.rearrange(fold));
            s02 = s02.add(s02.rearrange(fold));
            s10 = s10.add(s10.rearrange(fold));
            s11 = s11.add(s11.rearrange(fold));
            s12 = s12.add(s12.rearrange(fold));
        }
        finish(s00.lane(0), a, aAt, b, bAt, q, len, out, at, first);
        finish(s01.lane(0), a, aAt, b, bAt + len, q, len, out, at + stride, first);
        finish(s02.lane(0), a, aAt, b, bAt + 2 * len, q, len, out, at + 2 * stride, first);
        finish(s10.lane(0), a, aAt + len, b, bAt, q, len, out, at + 1, first);
        finish(s11.lane(0), a, aAt + len, b, bAt + len, q, len, out, at + 1 + stride, first);
        finish(s12.lane(0), a, aAt + len, b, bAt + 2 * len, q, len, out, at + 1 + 2 * stride, first);
    }

    /** A dot product's lanes folded into s, then its positions from q to len one at a time, set or added into out[to]. */
    private static void finish(float s, float[] a, int aAt, float[] b, int bAt, int q, int len, float[] out, int to,
                               boolean first) {
        for (int r = q; r < len; r++) {
            s = Math.fma(a[aAt + r], b[bAt + r], s);
        }
        out[to] = first ? s : out[to] + s;
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
