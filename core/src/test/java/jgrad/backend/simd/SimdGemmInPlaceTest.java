package jgrad.backend.simd;

import static jgrad.backend.simd.SimdMicroKernel.MR;
import static jgrad.backend.simd.SimdMicroKernel.NR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import jgrad.backend.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The macro-kernel that reads op(A) = A in place ({@link SimdGemmInPlace}) against the packed one on the same
 * packed B panel: the same chain of FMAs per element, so equal bit for bit, for blocks of whole slivers and
 * with a partial last sliver, B panels of whole and partial slivers, rows of A longer than the slice (lda
 * above kc, an offset into the row), with and without adding to C; C's columns beside the block untouched.
 * Run at 512 and at 256 bits (the suite under {@code -XX:UseAVX=2}), this covers both in-place tiles.
 */
class SimdGemmInPlaceTest {

    @BeforeEach
    void vectorApi() {
        Assumptions.assumeTrue(Backends.vectorApiAvailable(), "jdk.incubator.vector is not readable in this JVM");
        Assumptions.assumeTrue(SimdMicroKernelRows.available(), "the chosen tile has no in-place kernel");
    }

    @Test
    void readingAInPlaceGivesThePackedBits() {
        SplittableRandom rnd = new SplittableRandom(43);
        for (int mc : new int[] {MR, 3 * MR, 3 * MR + 5, MR - 1, 1}) {
            for (int nc : new int[] {NR, 2 * NR + 5, 3, SimdGemmInPlace.MAX_COLUMNS}) {
                for (int kc : new int[] {1, 7, 259}) {
                    for (boolean add : new boolean[] {false, true}) {
                        check(rnd, mc, nc, kc, add);
                    }
                }
            }
        }
    }

    private static void check(SplittableRandom rnd, int mc, int nc, int kc, boolean add) {
        int lda = kc + 9, aOff = 4 + 3;              // the block starts 3 elements into its rows
        float[] a = random(rnd, 4 + mc * lda);
        float[] b = random(rnd, kc * nc);
        float[] bp = new float[SimdGemm.ALIGN + kc * SimdGemmConfig.roundUp(nc, NR)];
        SimdGemmPack.packB(false, b, 0, nc, 0, kc, 0, nc, bp, SimdGemm.ALIGN);
        int ldc = nc + 6, cOff = 2;
        float[] c = random(rnd, cOff + mc * ldc + 3);
        float[] packedC = c.clone();
        float[] ap = new float[SimdGemmConfig.roundUp(mc, MR) * kc];
        SimdGemmPack.packA(false, a, aOff, lda, 0, mc, 0, kc, ap, 0);
        SimdGemm.macro(ap, 0, bp, SimdGemm.ALIGN, new float[MR * NR], mc, nc, kc, packedC, cOff, ldc, add);
        SimdGemmInPlace.macro(a, aOff, lda, bp, SimdGemm.ALIGN, new float[MR * NR], new float[MR * kc + 5], 5, mc,
                nc, kc, c, cOff, ldc, add);
        for (int i = 0; i < c.length; i++) {
            assertEquals(packedC[i], c[i], 0, String.format("mc=%d nc=%d kc=%d add=%s, C[%d]", mc, nc, kc, add, i));
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
