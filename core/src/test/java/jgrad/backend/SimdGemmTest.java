package jgrad.backend;

import static jgrad.backend.SimdFixture.U;
import static jgrad.backend.SimdFixture.assertClose;
import static jgrad.backend.SimdFixture.assertExact;
import static jgrad.backend.SimdFixture.copyOf;
import static jgrad.backend.SimdFixture.eighths;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import jgrad.backend.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIMD GEMM against the scalar reference over every transpose combination, β = 0 (over a C full
 * of NaN), 1 and other values, odd shapes, matrix-vector shapes, shapes past every blocking size
 * whatever the CPU chose (MC ≤ 480 rows, KC ≤ 768 deep, NC ≤ 4096 columns: see SimdGemmConfig), nonzero
 * offsets and leading dimensions wider than the matrix. The suite also runs under -XX:UseAVX=2 and
 * with -Djgrad.gemm.kernel=... to cover the 256-bit tile and the others.
 *
 * <p>Most cases use multiples of 1/8 with small numerators, whose products and sums are exact in
 * float in any order: the comparison is then exact, and also checks that the padding around C is
 * untouched. One case uses real values, bounded by the classical |error| ≤ γ_k·(|A|·|B|) with
 * γ_k ≈ (k+2)·u, which holds for any summation order with or without FMA.
 */
class SimdGemmTest {

    private static final int[][] SHAPES = {      // m, n, k
        {1, 1, 1}, {2, 3, 4}, {1, 70, 50}, {70, 1, 50}, {1, 1021, 300}, {1000, 1, 513}, {17, 33, 19}, {7, 9, 300}, {203, 203, 203},
        {300, 700, 270}, {700, 300, 270}, {13, 4100, 260}, {64, 1024, 64}, {37, 45, 1300}, {490, 50, 20},
        {2, 40, 30}, {1, 64, 64}, {3, 33, 41},      // small enough for the unpacked loop, wide enough for its vectors
        {127, 131, 137}, {4099, 3, 17}, {3, 4099, 17}, {2, 2, 2}, {5, 17, 1}, {1031, 5, 769},
    };

    private static Backend simd;

    @BeforeEach
    void backend() {
        simd = SimdFixture.simdOrSkip();
    }

    @Test
    void everyTransposeAndBetaOnOddShapesIsExact() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                double beta = new double[] {0, 1, -2, 0.5}[t];  // each transpose combination meets one β
                checkExact(rnd, (t & 2) != 0, (t & 1) != 0, s[0], s[1], s[2], beta);
            }
        }
    }

    @Test
    void betaZeroOverwritesNaNAndEmptyDepthScalesC() {
        SplittableRandom rnd = new SplittableRandom(22);
        for (boolean ta : new boolean[] {false, true}) {
            checkExact(rnd, ta, !ta, 203, 37, 0, 0);
            checkExact(rnd, ta, ta, 9, 37, 0, -2);
            checkExact(rnd, ta, !ta, 0, 37, 5, 0);
            checkExact(rnd, ta, ta, 9, 0, 5, 1);
            checkExact(rnd, ta, !ta, 40, 300, 77, 0);
        }
    }

    /**
     * More rows than one packed slice of op(A) holds (SimdGemm packs op(A) in groups of rows when m × KC
     * passes 2^21 floats): the groups must meet C in the right rows.
     */
    @Test
    void rowsPastOnePackedSliceOfAAreExact() {
        SplittableRandom rnd = new SplittableRandom(24);
        checkExact(rnd, false, false, 262_147, 3, 8, 0);
        checkExact(rnd, true, false, 262_147, 3, 8, 1);
    }

    private static void checkExact(SplittableRandom rnd, boolean ta, boolean tb, int m, int n, int k, double beta) {
        GemmCase product = GemmCase.exact(rnd, ta, tb, m, n, k, beta);
        assertExact("gemm " + product, product.product(Backends.scalar()).a, product.product(simd).a);
    }

    @Test
    void realValuedProductsAreWithinTheRoundingBound() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int t = 0; t < 4; t++) {
            int k = 517;
            GemmCase product = GemmCase.real(rnd, (t & 2) != 0, (t & 1) != 0, 203, 301, k, 0.5);
            Storage.F32 expected = product.product(Backends.scalar());
            Storage.F32 actual = product.product(simd);
            // |a|,|b| ≤ 1, so (|A|·|B|)_ij ≤ k; β·c adds one rounding of a value ≤ 0.5
            assertClose("real-valued gemm " + t, expected.a, actual.a, (k + 2) * U * k + U, 0);
        }
    }

    /**
     * A batch of products (attention's, one per sequence and head), run side by side: each entry has the bits the
     * same product gets alone, whatever thread ran it, and equals the scalar reference (exact values).
     */
    @Test
    void aBatchOfProductsGivesEachProductsBits() {
        SplittableRandom rnd = new SplittableRandom(24);
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 2) != 0, tb = (t & 1) != 0;
            int m = 37, n = 29, k = 45, count = 23;
            int lda = (ta ? m : k) + 1, ldb = (tb ? k : n) + 2;
            int aSize = (ta ? k : m) * lda, bSize = (tb ? n : k) * ldb;
            Storage.F32 a = eighths(rnd, 3 + count * aSize, 16);
            Storage.F32 b = eighths(rnd, count * bSize, 16);
            int[] aOffs = new int[count];
            int[] bOffs = new int[count];
            for (int i = 0; i < count; i++) {
                aOffs[i] = 3 + (count - 1 - i) * aSize;       // any order in storage
                bOffs[i] = i % 2 == 0 ? 0 : i * bSize;          // a shared B for half of them (a broadcast)
            }
            Storage.F32 batched = new Storage.F32(new float[5 + count * m * n]);
            Storage.F32 alone = new Storage.F32(new float[5 + count * m * n]);
            Storage.F32 scalar = new Storage.F32(new float[5 + count * m * n]);
            java.util.Arrays.fill(batched.a, Float.NaN);
            simd.gemmBatch(ta, tb, m, n, k, count, a, aOffs, lda, b, bOffs, ldb, batched, 5);
            Backends.scalar().gemmBatch(ta, tb, m, n, k, count, a, aOffs, lda, b, bOffs, ldb, scalar, 5);
            for (int i = 0; i < count; i++) {
                simd.gemm(ta, tb, m, n, k, a, aOffs[i], lda, b, bOffs[i], ldb, 0, alone, 5 + i * m * n, n);
            }
            String what = "gemmBatch " + (ta ? "T" : "N") + (tb ? "T" : "N");
            assertExact(what + " against each product alone", java.util.Arrays.copyOfRange(alone.a, 5, alone.a.length),
                    java.util.Arrays.copyOfRange(batched.a, 5, batched.a.length));
            assertExact(what + " against the scalar reference", scalar.a, alone.a);
        }
    }

    @Test
    void badArgumentsAreRejected() {
        Storage.F32 s = new Storage.F32(new float[64]);
        assertThrows(IllegalArgumentException.class, () -> simd.gemm(false, false, -1, 2, 2, s, 0, 2, s, 0, 2, 0, s, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> simd.gemm(false, false, 4, 4, 4, s, 0, 3, s, 0, 4, 0, s, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> simd.gemm(true, false, 4, 4, 4, s, 0, 4, s, 0, 4, 0, s, 0, 3));
    }
}
