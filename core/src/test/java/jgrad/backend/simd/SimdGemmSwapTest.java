package jgrad.backend.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import jgrad.backend.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A·Bᵀ computed as Cᵀ = B·Aᵀ ({@link SimdGemmSwap}) against the packed path on the same operands: equal bit for
 * bit, for one row of A up to the most the swap takes, k within one slice and over several, β = 0 (C full of
 * NaN, which must not leak), 1 and ½, operands and C inside larger arrays (offsets, leading dimensions above
 * the row length), on one task and on two. Run at 512 and at 256 bits (the suite under {@code -XX:UseAVX=2}).
 */
class SimdGemmSwapTest {

    @BeforeEach
    void vectorApi() {
        Assumptions.assumeTrue(Backends.vectorApiAvailable(), "jdk.incubator.vector is not readable in this JVM");
        Assumptions.assumeTrue(SimdGemmSwap.applies(false, true, 1, 1), "the chosen tile has no in-place kernel");
    }

    @Test
    void theTransposedProductGivesThePackedBits() {
        SplittableRandom rnd = new SplittableRandom(44);
        int most = SimdGemmInPlace.MAX_COLUMNS;
        for (int m : new int[] {1, 3, SimdMicroKernel.MR + 1, most - 1, most}) {
            for (int n : new int[] {m, m + 5, 3 * most + 7}) {
                for (int k : new int[] {1, 9, 2 * SimdGemm.KC + 13}) {
                    for (float beta : new float[] {0, 1, 0.5f}) {
                        for (int tasks : new int[] {1, 2}) {
                            check(rnd, m, n, k, beta, tasks);
                        }
                    }
                }
            }
        }
    }

    @Test
    void onlyFewRowsOfATimesBTransposedAreSwapped() {
        int most = SimdGemmInPlace.MAX_COLUMNS;
        assertTrue(SimdGemmSwap.applies(false, true, most, most));
        assertFalse(SimdGemmSwap.applies(false, true, most + 1, 4 * most), "more rows than the in-place path takes");
        assertFalse(SimdGemmSwap.applies(false, true, 8, 7), "B smaller than A");
        assertFalse(SimdGemmSwap.applies(false, false, 8, 64), "B not transposed");
        assertFalse(SimdGemmSwap.applies(true, true, 8, 64), "A transposed");
    }

    private static void check(SplittableRandom rnd, int m, int n, int k, float beta, int tasks) {
        int lda = k + 3, aOff = 5, ldb = k + 7, bOff = 2, ldc = n + 4, cOff = 6;
        float[] a = random(rnd, aOff + m * lda);
        float[] b = random(rnd, bOff + n * ldb);
        float[] c = random(rnd, cOff + m * ldc + 2);
        if (beta == 0) {
            for (int i = 0; i < m; i++) {
                Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, Float.NaN);
            }
        }
        float[] packedC = c.clone();
        SimdGemm.packed(1, false, true, m, n, k, a, aOff, lda, b, bOff, ldb, beta, packedC, cOff, ldc);
        SimdGemmSwap.gemm(tasks, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        for (int i = 0; i < c.length; i++) {
            assertEquals(packedC[i], c[i], 0,
                    String.format("m=%d n=%d k=%d beta=%s tasks=%d, C[%d]", m, n, k, beta, tasks, i));
        }
    }

    private static float[] random(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }
}
