package jgrad.backend.simd;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.ReduceOp;
import jgrad.backend.Reusable;

/**
 * Reductions and the row-wise softmax on float arrays. Sums keep L partial sums per vector
 * register (and several registers, so that additions overlap), then add the lanes together;
 * the result differs from a sequential sum only by float reassociation. The lanes are added in a
 * fixed order ({@link SimdMath#sumLanes}) and exponentials are {@link SimdMath#exp}, so a row gives
 * the same bits whether or not the JIT has compiled the kernel.
 */
final class SimdReductions {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Where a row's accumulator is stored to be folded ({@link SimdMath#sumLanes(float[])}). */
    private static final Reusable<float[]> LANES = new Reusable<>(() -> new float[L]);

    private SimdReductions() {
    }

    /** out[o·inner + i] = reduce over j of x[(o·len + j)·inner + i]. */
    static void reduce(ReduceOp op, int outer, int len, int inner, float[] x, int xOff, float[] out, int outOff) {
        for (int o = 0; o < outer; o++) {
            int src = xOff + o * len * inner;
            if (inner == 1) {
                out[outOff + o] = op == ReduceOp.SUM ? sum(x, src, len) : max(x, src, len);
            } else {
                accumulateColumns(op, len, inner, x, src, out, outOff + o * inner);
            }
        }
    }

    /**
     * Σ x[off, off+n) in one fixed order: four vector accumulators over blocks of 4L, leftover whole
     * vectors into the first, (s0 + s1) + (s2 + s3), the lanes in SimdMath's pairwise tree, then the
     * tail in sequence.
     */
    static float sum(float[] x, int off, int n) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (int bound4 = n - n % (4 * L); i < bound4; i += 4 * L) {
            s0 = s0.add(FloatVector.fromArray(S, x, off + i));
            s1 = s1.add(FloatVector.fromArray(S, x, off + i + L));
            s2 = s2.add(FloatVector.fromArray(S, x, off + i + 2 * L));
            s3 = s3.add(FloatVector.fromArray(S, x, off + i + 3 * L));
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            s0 = s0.add(FloatVector.fromArray(S, x, off + i));
        }
        float[] lanes = LANES.take();          // stored, not passed: see SimdMath.sumLanes(float[])
        s0.add(s1).add(s2.add(s3)).intoArray(lanes, 0);
        float total = SimdMath.sumLanes(lanes);
        LANES.give(lanes);
        for (; i < n; i++) {
            total += x[off + i];
        }
        return total;
    }

    /**
     * Σ x[xOff + i]·y[yOff + i] over i in [0, n): each product rounded, then summed in {@link #sum}'s order, so that
     * it equals {@code sum} over the products stored first (which is how the backend composes it), bit for bit.
     * The loads are written out in the loop: a helper returning the product vector may be left out of line by
     * C2, which then boxes every vector it returns.
     */
    static float sumOfProducts(float[] x, int xOff, float[] y, int yOff, int n) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (int bound4 = n - n % (4 * L); i < bound4; i += 4 * L) {
            s0 = s0.add(FloatVector.fromArray(S, y, yOff + i).mul(FloatVector.fromArray(S, x, xOff + i)));
            s1 = s1.add(FloatVector.fromArray(S, y, yOff + i + L).mul(FloatVector.fromArray(S, x, xOff + i + L)));
            s2 = s2.add(FloatVector.fromArray(S, y, yOff + i + 2 * L).mul(FloatVector.fromArray(S, x, xOff + i + 2 * L)));
            s3 = s3.add(FloatVector.fromArray(S, y, yOff + i + 3 * L).mul(FloatVector.fromArray(S, x, xOff + i + 3 * L)));
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            s0 = s0.add(FloatVector.fromArray(S, y, yOff + i).mul(FloatVector.fromArray(S, x, xOff + i)));
        }
        float[] lanes = LANES.take();
        s0.add(s1).add(s2.add(s3)).intoArray(lanes, 0);
        float total = SimdMath.sumLanes(lanes);
        LANES.give(lanes);
        for (; i < n; i++) {
            total += y[yOff + i] * x[xOff + i];
        }
        return total;
    }

    /** max x[off, off+n), −∞ when n = 0; NaN wins, as in Math.max. */
    static float max(float[] x, int off, int n) {
        FloatVector m0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY), m1 = m0;
        int i = 0;
        for (int bound2 = n - n % (2 * L); i < bound2; i += 2 * L) {
            m0 = m0.max(FloatVector.fromArray(S, x, off + i));
            m1 = m1.max(FloatVector.fromArray(S, x, off + i + L));
        }
        float best = m0.max(m1).reduceLanes(VectorOperators.MAX);   // max is associative: any order, the same bits
        for (; i < n; i++) {
            best = Math.max(best, x[off + i]);
        }
        return best;
    }

    /**
     * {@link #accumulateRows} split by bands of columns across threads when [len, inner] is large (a recurrent
     * layer's bias gradient sums 2,880 rows of 1,024): each column is still folded alone, in row order.
     */
    private static void accumulateColumns(ReduceOp op, int len, int inner, float[] x, int src, float[] out, int dst) {
        int vectors = Math.ceilDiv(inner, L);
        int vectorGrain = Math.max(1, SimdChunks.PARALLEL_ELEMENTS / (Math.max(1, len) * L));
        if (SimdChunks.oneChunk(vectors, vectorGrain)) {
            accumulateRows(op, len, inner, inner, x, src, out, dst);
        } else {
            SimdChunks.inChunks(vectors, vectorGrain, (from, count) -> {
                int col = from * L;
                int width = Math.min(inner, (from + count) * L) - col;
                accumulateRows(op, len, width, inner, x, src + col, out, dst + col);
            });
        }
    }

    /** One output row of [len, inner] (rows ld apart): start from the identity, fold each input row in lane by lane. */
    private static void accumulateRows(ReduceOp op, int len, int inner, int ld, float[] x, int src, float[] out,
                                       int dst) {
        boolean isSum = op == ReduceOp.SUM;
        Arrays.fill(out, dst, dst + inner, isSum ? 0f : Float.NEGATIVE_INFINITY);
        int bound = S.loopBound(inner);
        for (int j = 0; j < len; j++) {
            int row = src + j * ld;
            int i = 0;
            for (; i < bound; i += L) {
                FloatVector acc = FloatVector.fromArray(S, out, dst + i);
                FloatVector v = FloatVector.fromArray(S, x, row + i);
                (isSum ? acc.add(v) : acc.max(v)).intoArray(out, dst + i);
            }
            for (; i < inner; i++) {
                out[dst + i] = isSum ? out[dst + i] + x[row + i] : Math.max(out[dst + i], x[row + i]);
            }
        }
    }

    /** Per row: y = e^(x−max) / Σ e^(x−max), or for log, y = x − max − ln Σ e^(x−max). */
    static void softmax(int rows, int cols, float[] x, int xOff, float[] y, int yOff, boolean log) {
        float[] lanes = LANES.take();
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * cols;
            int yo = yOff + r * cols;
            float max = max(x, xo, cols);
            // log-softmax in place would lose x to the exponentials: they go to a row of their own then
            boolean own = log && x == y;
            float sum = own ? sumExp(x, xo, cols, max, new float[cols], 0, lanes) : sumExp(x, xo, cols, max, y, yo, lanes);
            if (log) {
                shift(x, xo, cols, -(max + (float) StrictMath.log(sum)), y, yo);
            } else {
                divide(y, yo, cols, sum);
            }
        }
        LANES.give(lanes);
    }

    /**
     * Σ e^(x−max) over a row, the exponentials written to y first (for log-softmax y is overwritten after):
     * SimdMath's array form, whose vectors never cross a call (see there).
     */
    private static float sumExp(float[] x, int xo, int n, float max, float[] y, int yo, float[] lanes) {
        SimdMath.exp(n, x, xo, max, false, y, yo);
        FloatVector acc = FloatVector.zero(S);
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            acc = acc.add(FloatVector.fromArray(S, y, yo + i, m), m);
        }
        acc.intoArray(lanes, 0);                // stored, not passed: see SimdMath.sumLanes(float[])
        return SimdMath.sumLanes(lanes);
    }

    private static void shift(float[] x, int xo, int n, float delta, float[] y, int yo) {
        FloatVector d = FloatVector.broadcast(S, delta);
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, x, xo + i, m).add(d).intoArray(y, yo + i, m);
        }
    }

    private static void divide(float[] y, int yo, int n, float by) {
        FloatVector d = FloatVector.broadcast(S, by);
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, y, yo + i, m).div(d).intoArray(y, yo + i, m);
        }
    }

    /** Per row: softmax dx = y ⊙ (g − Σ g⊙y); log-softmax dx = g − eʸ · Σ g. */
    static void softmaxBackward(int rows, int cols, float[] y, int yOff, float[] g, int gOff, float[] dx, int dxOff,
                                boolean log) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float dot = log ? sum(g, gOff + o, cols) : dot(g, gOff + o, y, yOff + o, cols);
            FloatVector vd = FloatVector.broadcast(S, dot);
            // log: eʸ first (y − 0 is y), into dx unless dx is g's array, which it would overwrite
            float[] ey = log && dx == g ? new float[cols] : dx;
            int eo = ey == dx ? dxOff + o : 0;
            if (log) {
                SimdMath.exp(cols, y, yOff + o, 0f, false, ey, eo);
            }
            for (int i = 0; i < cols; i += L) {
                VectorMask<Float> m = S.indexInRange(i, cols);
                FloatVector gv = FloatVector.fromArray(S, g, gOff + o + i, m);
                FloatVector d = log
                        ? gv.sub(FloatVector.fromArray(S, ey, eo + i, m).mul(vd))
                        : FloatVector.fromArray(S, y, yOff + o + i, m).mul(gv.sub(vd));
                d.intoArray(dx, dxOff + o + i, m);
            }
        }
    }

    /** out[r] = Σ_c x[r, c]², each row a {@link #dot} with itself (DP-SGD's per-example squared norms). */
    static void rowSquaredNorms(int rows, int cols, float[] x, int xOff, float[] out, int outOff) {
        for (int r = 0; r < rows; r++) {
            int o = xOff + r * cols;
            out[outOff + r] = dot(x, o, x, o, cols);
        }
    }

    /** Σ a[i]·b[i], with FMA. */
    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            acc = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc);
        }
        for (int h = L / 2; h > 0; h /= 2) {          // SimdMath.FOLD's tree, written out: see there
            acc = acc.add(acc.rearrange(SimdMath.FOLD[Integer.numberOfTrailingZeros(h)]));
        }
        float total = acc.lane(0);
        for (; i < n; i++) {
            total = Math.fma(a[aOff + i], b[bOff + i], total);
        }
        return total;
    }
}
