package jgrad.backend.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import jgrad.backend.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every register tile there is a kernel for ({@link SimdGemmConfig#KERNELS}), not only the one this
 * CPU chose, against plain loops over the same packed slivers: each element is the same chain of
 * FMAs over p, so the comparison is exact, with and without adding to C, and the columns of C
 * between tiles (ldc wider than the tile) stay untouched. Run at 512 and at 256 bits (the suite
 * under {@code -XX:UseAVX=2}) this covers every kernel at both widths.
 */
class SimdMicroKernelTest {

    @BeforeEach
    void vectorApi() {
        Assumptions.assumeTrue(Backends.vectorApiAvailable(), "jdk.incubator.vector is not readable in this JVM");
    }

    @Test
    void everyKernelMatchesTheLoopsExactly() {
        SplittableRandom rnd = new SplittableRandom(41);
        for (int[] tile : SimdGemmConfig.KERNELS) {
            int mr = tile[0], nr = tile[1] * SimdMicroKernel.L;
            for (int kc : new int[] {1, 2, 7, 259}) {
                for (boolean add : new boolean[] {false, true}) {
                    float[] ap = random(rnd, 5 + kc * mr);
                    float[] bp = random(rnd, 3 + kc * nr);
                    int ldc = nr + 5, cOff = 2;
                    float[] c = random(rnd, cOff + mr * ldc + 4);
                    float[] expected = c.clone();
                    for (int r = 0; r < mr; r++) {
                        for (int j = 0; j < nr; j++) {
                            float sum = 0;
                            for (int p = 0; p < kc; p++) {
                                sum = Math.fma(ap[5 + p * mr + r], bp[3 + p * nr + j], sum);
                            }
                            int ci = cOff + r * ldc + j;
                            expected[ci] = add ? expected[ci] + sum : sum;
                        }
                    }
                    SimdMicroKernel.kernel(tile[0] * 100 + tile[1], kc, ap, 5, bp, 3, c, cOff, ldc, add);
                    for (int i = 0; i < c.length; i++) {
                        assertEquals(expected[i], c[i], 0, String.format("kernel %dx%d kc=%d add=%s, C[%d]",
                                tile[0], tile[1], kc, add, i));
                    }
                }
            }
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
