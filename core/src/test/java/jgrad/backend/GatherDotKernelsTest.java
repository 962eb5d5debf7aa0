package jgrad.backend;

import static jgrad.backend.SimdFixture.assertClose;
import static jgrad.backend.SimdFixture.assertExact;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Backend#gatherDot} and its backward: the scalar reference (the composition of {@link ComposedGatherDot} on
 * the scalar kernels) against a case worked out by hand, then the SIMD kernel against it, at row lengths around the
 * vector width, with repeated ids and offsets. On eighths every product and sum is exact in any order, so all must
 * agree bit for bit; on uniform values the fused SIMD kernel must still equal the composition on the SIMD kernels
 * bit for bit (a model then trains as it did before the fusion), and the reference within a few roundings.
 */
class GatherDotKernelsTest {

    private final Backend scalar = new ScalarBackend();

    @Test
    void scalarReferenceByHand() {
        // table rows: 0 → (1, 2), 1 → (3, −1); h rows (2, 0.5) with id 1, (−1, 4) with id 0
        Storage.F32 table = new Storage.F32(new float[] {1, 2, 3, -1});
        Storage.F32 h = new Storage.F32(new float[] {2, 0.5f, -1, 4});
        int[] ids = {1, 0};
        Storage.F32 out = new Storage.F32(new float[2]);
        scalar.gatherDot(ids, 2, h, 0, table, 0, out, 0);
        assertArrayEquals(new float[] {2 * 3 - 0.5f, -1 + 8}, out.a);

        Storage.F32 g = new Storage.F32(new float[] {2, -0.5f});
        Storage.F32 dh = new Storage.F32(new float[4]);
        Storage.F32 dRows = new Storage.F32(new float[4]);
        scalar.gatherDotBackward(ids, 2, g, 0, h, 0, table, 0, dh, 0, dRows, 0);
        assertArrayEquals(new float[] {6, -2, -0.5f, -1}, dh.a);          // g[r] · table[ids[r]]
        assertArrayEquals(new float[] {4, 1, 0.5f, -2}, dRows.a);          // g[r] · h[r]
    }

    @Test
    void simdAndCompositionEqualTheReferenceOnExactValues() {
        Backend simd = SimdFixture.simdOrSkip();
        int lanes = SimdFixture.lanes(simd);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int rowLen : new int[] {1, lanes - 1, lanes, lanes + 3, 50, 64}) {
            Case c = new Case(rnd, 37, rowLen, 11, true);
            float[][] expected = c.run(scalar, false);
            assertSame("SIMD", rowLen, expected, c.run(simd, false), 0);
            assertSame("composed on scalar", rowLen, expected, c.run(scalar, true), 0);
            assertSame("composed on SIMD", rowLen, expected, c.run(simd, true), 0);
        }
    }

    @Test
    void simdFusedEqualsItsCompositionBitForBitAndIsCloseToTheReference() {
        Backend simd = SimdFixture.simdOrSkip();
        SplittableRandom rnd = new SplittableRandom(11);
        for (int rowLen : new int[] {5, 50, 64, 200}) {
            Case c = new Case(rnd, 20_000, rowLen, 1683, false);      // enough rows for the kernel to use threads
            float[][] got = c.run(simd, false);
            assertSame("SIMD fused against composed on SIMD", rowLen, c.run(simd, true), got, 0);
            assertSame("SIMD against the scalar reference", rowLen, c.run(scalar, false), got, 4 * rowLen * SimdFixture.U);
        }
    }

    private static void assertSame(String what, int rowLen, float[][] expected, float[][] got, double rtol) {
        String[] names = {"out", "dh", "dRows"};
        for (int k = 0; k < 3; k++) {
            String label = what + ", rowLen " + rowLen + ", " + names[k];
            if (rtol == 0) {
                assertExact(label, expected[k], got[k]);
            } else {
                assertClose(label, expected[k], got[k], 1e-6, rtol);
            }
        }
    }

    /** Random ids (with repeats) into a table, rows of h and upstream g, all read at an offset of 3. */
    private record Case(int[] ids, int rowLen, Storage.F32 table, Storage.F32 h, Storage.F32 g) {

        Case(SplittableRandom rnd, int rows, int rowLen, int tableRows, boolean eighths) {
            this(rnd.ints(rows, 0, tableRows).toArray(), rowLen, values(rnd, 3 + tableRows * rowLen, eighths),
                    values(rnd, 3 + rows * rowLen, eighths), values(rnd, 3 + rows, eighths));
        }

        private static Storage.F32 values(SplittableRandom rnd, int n, boolean eighths) {
            return eighths ? SimdFixture.eighths(rnd, n, 16) : SimdFixture.uniform(rnd, 0, n, -1, 1);
        }

        /** out, dh and dRows from this backend's kernels, or from the composition run on it. */
        float[][] run(Backend be, boolean composed) {
            int rows = ids.length;
            Storage.F32 out = new Storage.F32(new float[rows]);
            Storage.F32 dh = new Storage.F32(new float[rows * rowLen]);
            Storage.F32 dRows = new Storage.F32(new float[rows * rowLen]);
            if (composed) {
                ComposedGatherDot.forward(be, ids, rowLen, h, 3, table, 3, out, 0);
                ComposedGatherDot.backward(be, ids, rowLen, g, 3, h, 3, table, 3, dh, 0, dRows, 0);
            } else {
                be.gatherDot(ids, rowLen, h, 3, table, 3, out, 0);
                be.gatherDotBackward(ids, rowLen, g, 3, h, 3, table, 3, dh, 0, dRows, 0);
            }
            return new float[][] {out.a, dh.a, dRows.a};
        }
    }
}
