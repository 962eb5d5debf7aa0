package jgrad.backend;

import static jgrad.backend.SimdFixture.U;
import static jgrad.backend.SimdFixture.assertClose;
import static jgrad.backend.SimdFixture.assertExact;
import static jgrad.backend.SimdFixture.copyOf;
import static jgrad.backend.SimdFixture.eighths;
import static jgrad.backend.SimdFixture.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import jgrad.backend.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIMD reductions and softmax against the scalar reference.
 *
 * <p>Sums are checked exactly: the inputs are multiples of 1/8 small enough that every partial sum
 * is a float, so any summation order gives the reference's value, and one dropped or doubled
 * element shows. Max is exact by nature. Softmax rows are real-valued: each exponential is within
 * about 1 ulp, and a sum of c positive terms accumulated in L lanes has relative error at most
 * (c/L + log₂L + a few)·u, so the tolerance is that bound; the backward adds the same bound on its
 * dot product, scaled by the row's magnitudes.
 */
class SimdReductionsTest {

    private static Backend simd;
    private static int lanes;
    private static int[] sizes;

    @BeforeEach
    void backend() {
        simd = SimdFixture.simdOrSkip();
        lanes = SimdFixture.lanes(simd);
        sizes = SimdFixture.sizes(lanes);
    }

    @Test
    void horizontalReductionsAreExact() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (ReduceOp op : ReduceOp.values()) {
            for (int len : sizes) {
                if (len > 0 || op == ReduceOp.SUM) {
                    checkReduce(rnd, op, len == 100_003 ? 1 : 3, len, 1);
                }
            }
        }
    }

    /**
     * A float sum's bits depend on its order, and reduceLanes(ADD) leaves the order of the lanes to
     * the implementation (sequential in the Java fallback, a tree in the C2 intrinsic). The backend
     * promises one order: four L-lane accumulators over blocks of 4L, leftover whole vectors into
     * the first, the accumulators added as (a0 + a1) + (a2 + a3), the lanes in a pairwise tree
     * (lane i + lane i + h for h = L/2, L/4, …, 1), then the tail in sequence. Summands spread over
     * many binades, where every reordering changes the bits, must give exactly that.
     */
    @Test
    void sumFollowsTheDocumentedFixedOrder() {
        SplittableRandom rnd = new SplittableRandom(15);
        for (int len : sizes) {
            float[] x = new float[len];
            for (int i = 0; i < len; i++) {
                x[i] = (float) (Math.exp(rnd.nextDouble(-20, 20)) * (rnd.nextBoolean() ? 1 : -1));
            }
            float[] out = new float[1];
            simd.reduce(ReduceOp.SUM, 1, len, 1, new Storage.F32(x), 0, new Storage.F32(out), 0);
            assertEquals(Float.floatToRawIntBits(sumInFixedOrder(x)), Float.floatToRawIntBits(out[0]),
                    "sum of " + len + ": " + out[0] + ", the fixed order gives " + sumInFixedOrder(x));
        }
    }

    private static float sumInFixedOrder(float[] x) {
        float[][] acc = new float[4][lanes];
        int i = 0;
        for (; i + 4 * lanes <= x.length; i += 4 * lanes) {
            for (int a = 0; a < 4; a++) {
                for (int l = 0; l < lanes; l++) {
                    acc[a][l] += x[i + a * lanes + l];
                }
            }
        }
        for (; i + lanes <= x.length; i += lanes) {
            for (int l = 0; l < lanes; l++) {
                acc[0][l] += x[i + l];
            }
        }
        float[] t = new float[lanes];
        for (int l = 0; l < lanes; l++) {
            t[l] = (acc[0][l] + acc[1][l]) + (acc[2][l] + acc[3][l]);
        }
        for (int h = lanes / 2; h > 0; h /= 2) {
            for (int l = 0; l < h; l++) {
                t[l] += t[l + h];
            }
        }
        float total = t[0];
        for (; i < x.length; i++) {
            total += x[i];
        }
        return total;
    }

    @Test
    void rowAccumulatingReductionsAreExact() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (ReduceOp op : ReduceOp.values()) {
            for (int inner : sizes) {
                if (inner > 1) {
                    checkReduce(rnd, op, 2, inner == 100_003 ? 3 : 5, inner);
                }
            }
            checkReduce(rnd, op, 4, 1021, 3);
            checkReduce(rnd, op, 3, 1, lanes + 1);
        }
        checkReduce(rnd, ReduceOp.SUM, 2, 0, lanes + 1);
        // large enough to be split by bands of columns across threads, with a ragged last band
        checkReduce(rnd, ReduceOp.SUM, 1, 2880, 1024);
        checkReduce(rnd, ReduceOp.MAX, 2, 700, 1021);
    }

    private static void checkReduce(SplittableRandom rnd, ReduceOp op, int outer, int len, int inner) {
        int xOff = 5, outOff = 2;
        Storage.F32 x = eighths(rnd, xOff + outer * len * inner, 100);
        Storage.F32 expected = uniform(rnd, 0, outOff + outer * inner + 3, -1, 1);
        Storage.F32 actual = copyOf(expected);
        Backends.scalar().reduce(op, outer, len, inner, x, xOff, expected, outOff);
        simd.reduce(op, outer, len, inner, x, xOff, actual, outOff);
        assertExact(op + " [" + outer + "," + len + "," + inner + "]", expected.a, actual.a);
    }

    @Test
    void softmaxAndLogSoftmaxMatchScalar() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (boolean log : new boolean[] {false, true}) {
            for (int cols : sizes) {
                int rows = cols == 100_003 ? 1 : 3;
                Storage.F32 x = uniform(rnd, 4, rows * cols, -8, 8);
                Storage.F32 expected = uniform(rnd, 0, 1 + rows * cols + 2, -1, 1);
                Storage.F32 actual = copyOf(expected);
                Backends.scalar().softmax(rows, cols, x, 4, expected, 1, log);
                simd.softmax(rows, cols, x, 4, actual, 1, log);
                double sumError = sumBound(cols);
                // log-softmax: |x−max| ≤ 16 here, so the shift's rounding adds at most 16·2u absolutely
                double atol = log ? sumError + 32 * U : 0;
                assertClose((log ? "log-softmax" : "softmax") + " cols=" + cols, expected.a, actual.a,
                        atol, log ? 4 * U : sumError);
            }
        }
    }

    @Test
    void softmaxBackwardMatchesScalar() {
        SplittableRandom rnd = new SplittableRandom(14);
        for (boolean log : new boolean[] {false, true}) {
            for (int cols : sizes) {
                int rows = cols == 100_003 ? 1 : 3;
                Storage.F32 x = uniform(rnd, 0, rows * cols, -3, 3);
                Storage.F32 y = new Storage.F32(new float[2 + rows * cols]);
                Backends.scalar().softmax(rows, cols, x, 0, y, 2, log);
                Storage.F32 g = uniform(rnd, 3, rows * cols, -1, 1);
                Storage.F32 expected = uniform(rnd, 0, 1 + rows * cols, -1, 1);
                Storage.F32 actual = copyOf(expected);
                Backends.scalar().softmaxBackward(rows, cols, y, 2, g, 3, expected, 1, log);
                simd.softmaxBackward(rows, cols, y, 2, g, 3, actual, 1, log);
                // The dot product is a sum of cols terms each of magnitude ≤ 1 (|g| ≤ 1, y or e^y ≤ 1):
                // absolute error ≤ sumBound·cols for Σg, ≤ sumBound for Σ g·y (Σ y = 1); then one
                // multiply by y or e^y ≤ 1, an exp of about 1 ulp and two roundings.
                double dotError = sumBound(cols) * (log ? cols : 1);
                assertClose((log ? "log-softmax'" : "softmax'") + " cols=" + cols, expected.a, actual.a,
                        dotError + 8 * U, 8 * U);
            }
        }
    }

    /** Relative error bound of a float sum of c same-signed terms in L lanes (plus exp's ulps). */
    private static double sumBound(int c) {
        return (c / (double) lanes + 2 * lanes + 16) * U;
    }

    @Test
    void gatherAndScatterAddRowsAreExact() {
        SplittableRandom rnd = new SplittableRandom(15);
        for (int rowLen : sizes) {
            int tableRows = rowLen > 10_000 ? 3 : 17;
            int[] ids = new int[rowLen > 10_000 ? 5 : 43];      // not multiples of 4: the gather takes rows by four
            for (int r = 0; r < ids.length; r++) {
                ids[r] = rnd.nextInt(tableRows);          // repeats included, so scatter-add accumulates
            }
            Storage.F32 table = eighths(rnd, 3 + tableRows * rowLen, 100);
            Storage.F32 expected = uniform(rnd, 0, 2 + ids.length * rowLen + 1, -1, 1);
            Storage.F32 actual = copyOf(expected);
            Backends.scalar().gatherRows(ids, rowLen, table, 3, expected, 2);
            simd.gatherRows(ids, rowLen, table, 3, actual, 2);
            assertExact("gatherRows rowLen=" + rowLen, expected.a, actual.a);

            Storage.F32 src = eighths(rnd, 1 + ids.length * rowLen, 100);
            Storage.F32 tableExpected = copyOf(table);
            Backends.scalar().scatterAddRows(ids, ids.length, rowLen, src, 1, tableExpected, 3);
            simd.scatterAddRows(ids, ids.length, rowLen, src, 1, table, 3);
            assertExact("scatterAddRows rowLen=" + rowLen, tableExpected.a, table.a);
        }
    }

    @Test
    void copyOfStridedViewsIsExact() {
        SplittableRandom rnd = new SplittableRandom(16);
        for (int n : sizes) {
            checkCopy(rnd, new int[] {n}, new int[] {1}, 3);
            checkCopy(rnd, new int[] {n}, new int[] {2}, 1);
            checkCopy(rnd, new int[] {n}, new int[] {0}, 1);                 // a broadcast (expanded) view
            checkCopy(rnd, new int[] {2, n}, new int[] {n + 3, 1}, 2);       // rows narrowed from a wider matrix
        }
        checkCopy(rnd, new int[] {37, 29}, new int[] {1, 37}, 0);            // a transpose
        // large enough to be split by rows across threads: a transpose (in blocks) and a row broadcast
        checkCopy(rnd, new int[] {1021, 600}, new int[] {1, 1030}, 5);
        checkCopy(rnd, new int[] {2880, 1024}, new int[] {0, 1}, 2);
        checkCopy(rnd, new int[] {3, 5, 7, 2}, new int[] {70, 2, 10, 1}, 4); // a permutation, inner stride 1
        checkCopy(rnd, new int[] {4, 0, 3}, new int[] {0, 3, 1}, 0);         // empty
        checkCopy(rnd, new int[] {}, new int[] {}, 6);                       // a scalar
    }

    private static void checkCopy(SplittableRandom rnd, int[] shape, int[] strides, int srcOff) {
        int total = 1;
        int span = 1;
        for (int d = 0; d < shape.length; d++) {
            total *= shape[d];
            span += Math.max(0, shape[d] - 1) * strides[d];
        }
        Storage.F32 src = uniform(rnd, srcOff, span, -1, 1);
        Storage.F32 expected = uniform(rnd, 0, 3 + total + 2, -1, 1);
        Storage.F32 actual = copyOf(expected);
        Backends.scalar().copy(shape, src, srcOff, strides, expected, 3);
        simd.copy(shape, src, srcOff, strides, actual, 3);
        assertExact("copy " + java.util.Arrays.toString(shape), expected.a, actual.a);
    }

    @Test
    void fillIsExact() {
        for (int n : sizes) {
            Storage.F32 expected = new Storage.F32(new float[n + 4]);
            Storage.F32 actual = new Storage.F32(new float[n + 4]);
            Backends.scalar().fill(n, expected, 2, 0.1);
            simd.fill(n, actual, 2, 0.1);
            assertExact("fill n=" + n, expected.a, actual.a);
        }
    }

    @Test
    void doublePrecisionFallsThroughToTheReference() {
        Storage a = Storage.onHost(jgrad.backend.DType.F64, 12);
        Storage b = Storage.onHost(jgrad.backend.DType.F64, 12);
        for (int i = 0; i < 12; i++) {
            a.set(i, 0.1 * i);
            b.set(i, 1.0 / (i + 1));
        }
        Storage expected = Storage.onHost(jgrad.backend.DType.F64, 9);
        Storage actual = Storage.onHost(jgrad.backend.DType.F64, 9);
        Backends.scalar().gemm(false, true, 3, 3, 4, a, 0, 4, b, 0, 4, 0, expected, 0, 3);
        simd.gemm(false, true, 3, 3, 4, a, 0, 4, b, 0, 4, 0, actual, 0, 3);
        for (int i = 0; i < 9; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(expected.get(i), actual.get(i), 0, "F64 gemm element " + i);
        }
    }
}
