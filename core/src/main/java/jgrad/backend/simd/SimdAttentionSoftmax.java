package jgrad.backend.simd;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The attention weights under a key mask and their backward ({@link jgrad.backend.Backend#attentionSoftmax}),
 * F32, one pass per query row, rows spread over the pool. The composed default writes the scaled scores,
 * fills the dropped keys and runs the softmax, each a pass over [B·h, T, T]; here a row is read once for its
 * maximum and once for its exponentials, and under a causal mask only the keys up to its position are read at all
 * (the rest are written 0), which halves the work. Equal to the scalar reference to float rounding (a test
 * holds them).
 */
final class SimdAttentionSoftmax {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of T per task at the least: a row is a few hundred floats. */
    private static final long GRAIN = 1 << 16;

    private SimdAttentionSoftmax() {
    }

    static void forward(int batch, int heads, int queries, int steps, float scale, boolean causal, float[] keep,
                        float[] s, int sOff, float[] alpha) {
        int rows = batch * heads * queries;
        int tasks = SimdParallel.tasksFor((long) rows * steps, GRAIN);
        SimdParallel.run(tasks, task -> {
            float[] lanes = new float[L];
            for (int r = rows * task / tasks; r < rows * (task + 1) / tasks; r++) {
                int t = r % queries + steps - queries;
                int keepRow = keep == null ? -1 : r / (heads * queries) * steps;
                row(steps, causal ? t + 1 : steps, t, scale, keep, keepRow, s, sOff + r * steps, alpha, r * steps,
                        lanes);
            }
        });
    }

    /**
     * One query row: α over keys [0, seen) where kept, 0 beyond; its own key t alone when none is kept. The scaled
     * scores are written to α first and every later pass reads them there: a helper returning a vector of scores
     * may be left out of line by C2, and then every vector it returns is boxed. Split in small loops so that C2
     * inlines the exponential into its loop (in one larger method it did not, and the vectors were boxed: three
     * times slower).
     */
    private static void row(int steps, int seen, int t, float scale, float[] keep, int keepRow, float[] s, int so,
                            float[] alpha, int ao, float[] lanes) {
        scores(seen, scale, keep, keepRow, s, so, alpha, ao);
        float max = rowMax(seen, alpha, ao);
        Arrays.fill(alpha, ao + seen, ao + steps, 0f);
        if (max == Float.NEGATIVE_INFINITY) {
            Arrays.fill(alpha, ao, ao + seen, 0f);
            alpha[ao + t] = 1f;
            return;
        }
        float sum = exponentials(seen, max, alpha, ao, lanes);
        divide(seen, sum, alpha, ao);
    }

    /** c·s into alpha for keys [0, seen), −∞ for those dropped. */
    private static void scores(int seen, float scale, float[] keep, int keepRow, float[] s, int so, float[] alpha,
                               int ao) {
        FloatVector minusInfinity = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        for (int u = 0; u < seen; u += L) {
            VectorMask<Float> in = S.indexInRange(u, seen);
            FloatVector x = FloatVector.fromArray(S, s, so + u, in).mul(scale);
            if (keep != null) {
                x = x.blend(minusInfinity, FloatVector.fromArray(S, keep, keepRow + u, in).eq(0f));
            }
            x.intoArray(alpha, ao + u, in);
        }
    }

    private static float rowMax(int seen, float[] alpha, int ao) {
        FloatVector vmax = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);   // a local: from a static field, C2 ran max through its boxing fallback
        for (int u = 0; u < seen; u += L) {
            VectorMask<Float> in = S.indexInRange(u, seen);
            vmax = vmax.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, alpha, ao + u, in), in);
        }
        return vmax.reduceLanes(VectorOperators.MAX);
    }

    /** e^(x − max) in place in alpha (0 for dropped keys), returning their sum (folded through {@code lanes}). */
    private static float exponentials(int seen, float max, float[] alpha, int ao, float[] lanes) {
        // exp clamps its argument, so a dropped key (−∞) is set to 0 after it, not relied on to underflow
        SimdMath.exp(seen, alpha, ao, max, true, alpha, ao);
        FloatVector acc = FloatVector.zero(S);
        for (int u = 0; u < seen; u += L) {
            VectorMask<Float> in = S.indexInRange(u, seen);
            acc = acc.add(FloatVector.fromArray(S, alpha, ao + u, in), in);
        }
        acc.intoArray(lanes, 0);                // stored, not passed: see SimdMath.sumLanes(float[])
        return SimdMath.sumLanes(lanes);
    }

    private static void divide(int seen, float sum, float[] alpha, int ao) {
        FloatVector inverse = FloatVector.broadcast(S, 1f / sum);
        for (int u = 0; u < seen; u += L) {
            VectorMask<Float> in = S.indexInRange(u, seen);
            FloatVector.fromArray(S, alpha, ao + u, in).mul(inverse).intoArray(alpha, ao + u, in);
        }
    }

    static void backward(int rows, int queries, int steps, float scale, boolean causal, float[] alpha, float[] g,
                         int gOff, float[] ds) {
        int tasks = SimdParallel.tasksFor((long) rows * steps, GRAIN);
        SimdParallel.run(tasks, task -> {
            for (int r = rows * task / tasks; r < rows * (task + 1) / tasks; r++) {
                int seen = causal ? r % queries + steps - queries + 1 : steps;
                int o = r * steps;
                float dot = SimdReductions.dot(alpha, o, g, gOff + o, seen);
                FloatVector vd = FloatVector.broadcast(S, dot);
                for (int u = 0; u < seen; u += L) {
                    VectorMask<Float> m = S.indexInRange(u, seen);
                    FloatVector a = FloatVector.fromArray(S, alpha, o + u, m);
                    a.mul(FloatVector.fromArray(S, g, gOff + o + u, m).sub(vd)).mul(scale).intoArray(ds, o + u, m);
                }
                Arrays.fill(ds, o + seen, o + steps, 0f);
            }
        });
    }
}
