package jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import jgrad.backend.ScalarBackend;
import jgrad.backend.DType;
import jgrad.backend.Storage;
import org.junit.jupiter.api.Test;

/**
 * The row-major to column-major translation, checked without a GPU: a textbook column-major GEMM
 * (the BLAS definition, as cuBLAS computes it) run on the translated arguments must equal the
 * scalar backend's row-major GEMM, for every transpose pair, odd shapes and padded leading dimensions.
 */
class ColumnMajorGemmTest {

    private static final int[][] SHAPES = {{1, 1, 1}, {1, 7, 3}, {7, 1, 3}, {17, 33, 19}, {4, 5, 0}, {2, 3, 1}};

    /** Column-major C = op(X)·op(Y) + β·C, element (i, j) at c[i + j·ldc], as BLAS defines it. */
    private static void blasGemm(ColumnMajorGemm g, Storage x, Storage y, double beta, Storage c) {
        for (int i = 0; i < g.m(); i++) {
            for (int j = 0; j < g.n(); j++) {
                double sum = 0;
                for (int p = 0; p < g.k(); p++) {
                    double xip = x.get(g.transFirst() ? p + i * g.ldFirst() : i + p * g.ldFirst());
                    double ypj = y.get(g.transSecond() ? j + p * g.ldSecond() : p + j * g.ldSecond());
                    sum += xip * ypj;
                }
                int ci = i + j * g.ldc();
                c.set(ci, beta == 0 ? sum : sum + beta * c.get(ci));
            }
        }
    }

    @Test
    void translatedCallEqualsTheRowMajorReference() {
        Random random = new Random(7);
        for (int[] s : SHAPES) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    for (double beta : new double[] {0, 0.5}) {
                        int m = s[0], n = s[1], k = s[2];
                        int lda = (ta ? m : k) + 2, ldb = (tb ? k : n) + 1, ldc = n + 3;
                        Storage a = random(random, (ta ? k : m) * lda);
                        Storage b = random(random, (tb ? n : k) * ldb);
                        Storage c = random(random, m * ldc);
                        c.set(0, beta == 0 ? Double.NaN : c.get(0));  // β = 0 must ignore what C held
                        Storage want = copy(c);
                        new ScalarBackend().gemm(ta, tb, m, n, k, a, 0, lda, b, 0, ldb, beta, want, 0, ldc);
                        blasGemm(ColumnMajorGemm.of(ta, tb, m, n, k, lda, ldb, ldc), b, a, beta, c);
                        for (int i = 0; i < c.length(); i++) {
                            assertEquals(want.get(i), c.get(i), 1e-12, "shape " + m + "x" + n + "x" + k
                                    + " transA=" + ta + " transB=" + tb + " β=" + beta + " element " + i);
                        }
                    }
                }
            }
        }
    }

    private static Storage random(Random random, int n) {
        Storage s = Storage.onHost(DType.F64, n);
        for (int i = 0; i < n; i++) {
            s.set(i, random.nextGaussian());
        }
        return s;
    }

    private static Storage copy(Storage s) {
        Storage c = Storage.onHost(s.dtype(), s.length());
        for (int i = 0; i < s.length(); i++) {
            c.set(i, s.get(i));
        }
        return c;
    }
}
