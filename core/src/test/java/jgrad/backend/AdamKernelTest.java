package jgrad.backend;

import static jgrad.backend.SimdFixture.assertClose;
import static jgrad.backend.SimdFixture.assertExact;
import static jgrad.backend.SimdFixture.copyOf;
import static jgrad.backend.SimdFixture.uniform;

import java.util.SplittableRandom;
import jgrad.backend.Storage;
import org.junit.jupiter.api.Test;

/**
 * The Adam kernel: the scalar backend's float path against the formula in double (one step is a few
 * rounded float operations, so within a few ulps), and the SIMD backend against the scalar one, bit
 * for bit, at the awkward sizes and at an offset.
 */
class AdamKernelTest {

    private static final AdamStep[] STEPS = {
        AdamStep.pytorch(1e-3, 0.9, 0.999, 1e-8, 1),
        AdamStep.pytorch(3e-2, 0.8, 0.99, 1e-6, 7),
        AdamStep.keras(1e-3, 0.9, 0.999, 1e-7, 3),
    };
    /** lr, c₁ = 1 − β₁ᵗ, c₂ = 1 − β₂ᵗ of each of STEPS, for the textbook formula (Keras's: lr·√c₂/c₁ and 1, 1). */
    private static final double[][] TEXTBOOK = {
        {1e-3, 1 - 0.9, 1 - 0.999},
        {3e-2, 1 - Math.pow(0.8, 7), 1 - Math.pow(0.99, 7)},
        {1e-3 * Math.sqrt(1 - Math.pow(0.999, 3)) / (1 - Math.pow(0.9, 3)), 1, 1},
    };

    @Test
    void scalarFloatStepFollowsTheFormula() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 1000;
        for (int c = 0; c < STEPS.length; c++) {
            AdamStep s = STEPS[c];
            double lr = TEXTBOOK[c][0], c1 = TEXTBOOK[c][1], c2 = TEXTBOOK[c][2];
            Storage.F32 w = uniform(rnd, 0, n, -1, 1), m = uniform(rnd, 0, n, -0.1, 0.1);
            Storage.F32 v = uniform(rnd, 0, n, 0, 0.01), g = uniform(rnd, 0, n, -1, 1);
            float[] w1 = new float[n], m1 = new float[n], v1 = new float[n];
            for (int i = 0; i < n; i++) {
                double mi = s.beta1() * m.a[i] + (1 - s.beta1()) * g.a[i];
                double vi = s.beta2() * v.a[i] + (1 - s.beta2()) * g.a[i] * g.a[i];
                m1[i] = (float) mi;
                v1[i] = (float) vi;
                w1[i] = (float) (w.a[i] - lr * (mi / c1) / (Math.sqrt(vi / c2) + s.epsilon()));
            }
            new ScalarBackend().adam(n, w, 0, m, v, g, 0, s);
            // m mixes terms of either sign: its error is a few ulps of the terms (|β₁m| ≤ 0.09, |(1−β₁)g| ≤ 0.2).
            assertClose("m " + s, m1, m.a, 4 * SimdFixture.U * 0.3, 0);
            assertClose("v " + s, v1, v.a, 0, 4 * SimdFixture.U);
            // The final rounding of w, plus a few ulps of the step (lr times a ratio m̂/√v̂ of order 1–100).
            assertClose("w " + s, w1, w.a, 8 * SimdFixture.U * lr * 100, 2 * SimdFixture.U);
        }
    }

    /**
     * Moments that fall below the smallest normal float become 0 (AdamStep), on both backends alike; those at or
     * above it, and NaN, stay as computed.
     */
    @Test
    void subnormalMomentsAreFlushedToZero() {
        float tiny = Float.MIN_NORMAL;
        // m, v just above the smallest normal, no gradient: after one step of β₁ 0.5, β₂ 0.5 both fall below it
        float[] m0 = {2 * tiny, -2 * tiny, 4 * tiny, 1e-39f, Float.NaN, 0.25f};
        float[] v0 = {2 * tiny, 2 * tiny, 4 * tiny, 1e-39f, 1f, 0.5f};
        float[] expectedM = {tiny, -tiny, 2 * tiny, 0, Float.NaN, 0.125f};   // 0.5 · 2·MIN_NORMAL is normal: kept
        float[] expectedV = {tiny, tiny, 2 * tiny, 0, 0.5f, 0.25f};
        AdamStep half = new AdamStep(0.5, 0.5, 1e-8, 0, 1);
        float[] m1 = {0.75f * tiny, -0.75f * tiny, 1.5f * tiny, 1e-39f, Float.NaN, 0.25f};
        float[] v1 = {0.75f * tiny, 0.75f * tiny, 1.5f * tiny, 1e-39f, 1f, 0.5f};
        float[] expectedM1 = {0, 0, 0, 0, Float.NaN, 0.125f};
        float[] expectedV1 = {0, 0, 0, 0, 0.5f, 0.25f};
        java.util.List<Backend> backends = new java.util.ArrayList<>(java.util.List.of(new ScalarBackend()));
        if (Backends.vectorApiAvailable()) {
            backends.add(Backends.simd());
        }
        for (Backend be : backends) {
            for (float[][] c : new float[][][] {{m0, v0, expectedM, expectedV}, {m1, v1, expectedM1, expectedV1}}) {
                int n = c[0].length;
                Storage.F32 w = new Storage.F32(new float[n]), g = new Storage.F32(new float[n]);
                Storage.F32 m = new Storage.F32(c[0].clone()), v = new Storage.F32(c[1].clone());
                be.adam(n, w, 0, m, v, g, 0, half);
                assertExact(be.name() + " m", c[2], m.a);
                assertExact(be.name() + " v", c[3], v.a);
            }
        }
    }

    @Test
    void simdStepEqualsScalarBitForBit() {
        Backend simd = SimdFixture.simdOrSkip();
        SplittableRandom rnd = new SplittableRandom(12);
        for (int n : SimdFixture.sizes(SimdFixture.lanes(simd))) {
            for (AdamStep s : STEPS) {
                int off = 3;
                Storage.F32 w = uniform(rnd, off, n, -1, 1), m = uniform(rnd, off, n, -0.1, 0.1);
                Storage.F32 v = uniform(rnd, off, n, 0, 0.01), g = uniform(rnd, 1, n, -1, 1);
                Storage.F32 w2 = copyOf(w), m2 = copyOf(m), v2 = copyOf(v);
                new ScalarBackend().adam(n, w, off, m, v, g, 1, s);
                simd.adam(n, w2, off, m2, v2, g, 1, s);
                assertExact("adam w n=" + n, w.a, w2.a);
                assertExact("adam m n=" + n, m.a, m2.a);
                assertExact("adam v n=" + n, v.a, v2.a);
            }
        }
    }

    /**
     * The exact row-sparse step ({@code adamRows}) against its definition: Adam over the dense gradient, zero
     * outside the looked-up rows, bit for bit, on the scalar backend and the SIMD one. Rows of awkward lengths,
     * looked-up rows at both ends, in runs and alone, none and all, and a table large enough that the SIMD backend
     * splits its rows between threads. Moments include zeros and tiny values, which the decay flushes.
     */
    @Test
    void rowSparseStepEqualsDenseStepOnTheScatteredGradient() {
        java.util.List<Backend> backends = new java.util.ArrayList<>(java.util.List.of(new ScalarBackend()));
        if (Backends.vectorApiAvailable()) {
            backends.add(Backends.simd());
        }
        SplittableRandom rnd = new SplittableRandom(13);
        int[][] shapes = {{1, 1}, {5, 3}, {9, 7}, {33, 17}, {64, 16}, {2, 64}, {1100, 64}};
        for (Backend be : backends) {
            for (int[] shape : shapes) {
                int rows = shape[0], rowLen = shape[1];
                for (int[] ids : idSets(rnd, rows)) {
                    for (AdamStep s : STEPS) {
                        checkRowSparseStep(be, rnd, rows, rowLen, ids, s);
                    }
                }
            }
        }
    }

    /** Sets of ascending distinct ids in [0, rows): none, all, the ends, a run, and a random third. */
    private static int[][] idSets(SplittableRandom rnd, int rows) {
        int[] random = java.util.stream.IntStream.range(0, rows).filter(r -> rnd.nextInt(3) == 0).toArray();
        int[] ends = rows == 1 ? new int[] {0} : new int[] {0, rows - 1};
        int[] run = java.util.stream.IntStream.range(rows / 3, Math.max(rows / 3 + 1, rows / 2)).toArray();
        return new int[][] {{}, java.util.stream.IntStream.range(0, rows).toArray(), ends, run, random};
    }

    private static void checkRowSparseStep(Backend be, SplittableRandom rnd, int rows, int rowLen, int[] ids,
                                           AdamStep s) {
        int n = rows * rowLen, off = 2, gOff = 1;
        Storage.F32 w = uniform(rnd, off, n, -1, 1), m = uniform(rnd, off, n, -0.1, 0.1);
        Storage.F32 v = uniform(rnd, off, n, 0, 0.01), g = uniform(rnd, gOff, ids.length * rowLen, -1, 1);
        for (int i = off; i < off + n; i += 5) {             // zero and near-subnormal moments among the others
            m.a[i] = i % 2 == 0 ? 0f : 1.5f * Float.MIN_NORMAL;
            v.a[i] = i % 3 == 0 ? 0f : 1.5f * Float.MIN_NORMAL;
        }
        Storage.F32 w2 = copyOf(w), m2 = copyOf(m), v2 = copyOf(v);
        Storage.F32 dense = new Storage.F32(new float[n]);
        ScalarBackend reference = new ScalarBackend();
        reference.scatterAddRows(ids, ids.length, rowLen, g, gOff, dense, 0);
        reference.adam(n, w, off, m, v, dense, 0, s);
        be.adamRows(rows, rowLen, w2, off, m2, v2, ids, ids.length, g, gOff, s, new Storage.F32(new float[n]));
        String what = be.name() + " adamRows " + rows + "x" + rowLen + " with " + ids.length + " rows looked up, " + s;
        assertExact(what + ": w", w.a, w2.a);
        assertExact(what + ": m", m.a, m2.a);
        assertExact(what + ": v", v.a, v2.a);
    }
}
