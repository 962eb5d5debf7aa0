package jgrad.backend;

import static jgrad.backend.SimdFixture.assertExact;
import static jgrad.backend.SimdFixture.eighths;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The causal attention products ({@link Backend#gemmTriangular}) against the full product from the scalar GEMM,
 * with the zero triangle of op(A) made zero (LOWER_LEFT, UPPER_LEFT) or the result's upper triangle cleared
 * (LOWER_PRODUCT): on both backends, every transpose, T below, at and across the bands (1 … 200), offsets and
 * leading dimensions wider than the matrices, over a C full of NaN whose padding must stay NaN. The values are
 * eighths, whose products and sums are exact in float in any order, so every comparison is exact.
 */
class TriangularGemmTest {

    private static final int[] T = {1, 2, 5, 47, 48, 49, 97, 200};
    private static final int[] WIDTHS = {1, 7, 50};

    private static List<Backend> backends() {
        List<Backend> list = new ArrayList<>(List.of(Backends.scalar()));
        if (Backends.vectorApiAvailable()) {
            list.add(Backends.simd());
        }
        return list;
    }

    @Test
    void eachShapeEqualsTheFullProductOnItsTriangle() {
        SplittableRandom rnd = new SplittableRandom(31);
        for (Backend be : backends()) {
            for (Triangle shape : Triangle.values()) {
                for (int t : T) {
                    for (int w : WIDTHS) {
                        for (int tr = 0; tr < 4; tr++) {
                            check(be, rnd, shape, (tr & 2) != 0, (tr & 1) != 0, t, w);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aBatchEqualsItsProductsOneByOne() {
        SplittableRandom rnd = new SplittableRandom(32);
        for (Backend be : backends()) {
            for (Triangle shape : Triangle.values()) {
                int t = 97;
                int w = 20;
                int count = 9;
                int m = t;
                int n = shape == Triangle.LOWER_PRODUCT ? t : w;
                int k = shape == Triangle.LOWER_PRODUCT ? w : t;
                Storage.F32 a = eighths(rnd, count * m * k, 8);
                Storage.F32 b = eighths(rnd, count * k * n, 8);
                int[] aOffs = new int[count];
                int[] bOffs = new int[count];
                for (int i = 0; i < count; i++) {
                    aOffs[i] = i * m * k;
                    bOffs[i] = i * k * n;
                    zeroTriangle(shape, a, aOffs[i], k, false, t);
                }
                Storage.F32 batched = nans(count * m * n);
                Storage.F32 alone = nans(count * m * n);
                be.gemmTriangularBatch(shape, false, false, m, n, k, count, a, aOffs, k, b, bOffs, n, batched, 0);
                for (int i = 0; i < count; i++) {
                    be.gemmTriangular(shape, false, false, m, n, k, a, aOffs[i], k, b, bOffs[i], n, alone, i * m * n);
                }
                assertExact(be.name() + " " + shape + " batch", alone.a, batched.a);
            }
        }
    }

    @Test
    void aNonSquareShapeIsRefused() {
        Storage.F32 s = new Storage.F32(new float[64]);
        Backend be = Backends.scalar();
        assertThrows(IllegalArgumentException.class,
                () -> be.gemmTriangular(Triangle.LOWER_PRODUCT, false, true, 4, 3, 2, s, 0, 2, s, 0, 2, s, 0));
        assertThrows(IllegalArgumentException.class,
                () -> be.gemmTriangular(Triangle.LOWER_LEFT, false, false, 4, 3, 5, s, 0, 5, s, 0, 3, s, 0));
    }

    private static void check(Backend be, SplittableRandom rnd, Triangle shape, boolean ta, boolean tb, int t, int w) {
        int m = t;
        int n = shape == Triangle.LOWER_PRODUCT ? t : w;
        int k = shape == Triangle.LOWER_PRODUCT ? w : t;
        int lda = (ta ? m : k) + 3;
        int ldb = (tb ? k : n) + 2;
        int aOff = 5;
        int bOff = 3;
        Storage.F32 a = eighths(rnd, aOff + (ta ? k : m) * lda, 8);
        Storage.F32 b = eighths(rnd, bOff + (tb ? n : k) * ldb, 8);
        zeroTriangle(shape, a, aOff, lda, ta, t);
        int cOff = 4;
        Storage.F32 expected = nans(cOff + m * n + 4);
        Backends.scalar().gemm(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, 0, expected, cOff, n);
        if (shape == Triangle.LOWER_PRODUCT) {
            for (int r = 0; r < m; r++) {
                Arrays.fill(expected.a, cOff + r * n + r + 1, cOff + (r + 1) * n, 0f);
            }
        }
        Storage.F32 actual = nans(cOff + m * n + 4);
        be.gemmTriangular(shape, ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, actual, cOff);
        assertExact(be.name() + " " + shape + " " + (ta ? "T" : "N") + (tb ? "T" : "N") + " T=" + t + " width " + w,
                expected.a, actual.a);
    }

    /** Zeros op(A)'s triangle that the shape assumes zero (above the diagonal, or below it for UPPER_LEFT). */
    private static void zeroTriangle(Triangle shape, Storage.F32 a, int off, int lda, boolean trans, int t) {
        if (shape == Triangle.LOWER_PRODUCT) {
            return;
        }
        for (int r = 0; r < t; r++) {
            for (int c = 0; c < t; c++) {
                boolean zero = shape == Triangle.LOWER_LEFT ? c > r : c < r;
                if (zero) {
                    a.a[off + (trans ? c * lda + r : r * lda + c)] = 0f;
                }
            }
        }
    }

    private static Storage.F32 nans(int n) {
        float[] a = new float[n];
        Arrays.fill(a, Float.NaN);
        return new Storage.F32(a);
    }
}
