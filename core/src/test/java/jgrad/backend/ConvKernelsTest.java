package jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * im2col and col2im: the scalar reference against a column matrix written out by hand, col2im as the
 * adjoint of im2col (⟨im2col(x), C⟩ = ⟨x, col2im(C)⟩, a property independent of either loop), and the
 * SIMD kernels against the reference on awkward geometries (bit for bit: both copy, and both add in
 * the same order, rounding each sum to float once).
 */
class ConvKernelsTest {

    private static final Backend SCALAR = new ScalarBackend();

    /** Geometries with strides 1–3, paddings, dilations, widths around the vector lanes and 1-d rows. */
    private static List<ConvGeometry> geometries(int lanes) {
        List<ConvGeometry> g = new ArrayList<>();
        g.add(new ConvGeometry(1, 1, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1));
        g.add(new ConvGeometry(2, 3, 5, 6, 3, 3, 1, 1, 1, 1, 1, 1));
        g.add(new ConvGeometry(2, 2, 7, 8, 2, 3, 2, 2, 0, 1, 1, 1));
        g.add(new ConvGeometry(3, 2, 9, 7, 3, 2, 3, 1, 2, 1, 2, 3));
        g.add(new ConvGeometry(1, 4, 1, 17, 1, 3, 1, 2, 0, 2, 1, 2));
        g.add(new ConvGeometry(2, 3, 6, lanes + 3, 3, 3, 1, 1, 1, 1, 1, 1));
        g.add(new ConvGeometry(2, 2, 5, lanes - 1, 2, 2, 1, 1, 1, 1, 1, 1));
        g.add(new ConvGeometry(4, 5, 12, 12, 5, 5, 2, 2, 2, 2, 1, 1));
        g.add(new ConvGeometry(64, 32, 13, 13, 3, 3, 1, 1, 0, 0, 1, 1));   // fashion-cnn's second convolution
        return g;
    }

    private static Storage random(DType dt, SplittableRandom rnd, int off, int n) {
        Storage s = Storage.onHost(dt, off + n);
        for (int i = 0; i < s.length(); i++) {
            s.set(i, (float) (rnd.nextDouble() * 2 - 1));
        }
        return s;
    }

    @Test
    void im2colByHand() {
        // x = 1..9 as a 3×3 image, 2×2 windows: each row of the column matrix is one tap over the 4 windows.
        ConvGeometry g = new ConvGeometry(1, 1, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1);
        Storage x = new Storage.F64(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        Storage cols = Storage.onHost(DType.F64, 16);
        SCALAR.im2col(g, 0, x, 0, cols, 0);
        assertArrayEquals(new double[] {1, 2, 4, 5, 2, 3, 5, 6, 4, 5, 7, 8, 5, 6, 8, 9}, ((Storage.F64) cols).a);
        // One padded ring at −∞, 3×3 windows at stride 2: 2×2 windows, tap (0, 0) sees the image only
        // in the last window (pixel 5), tap (2, 2) only in the first.
        ConvGeometry p = new ConvGeometry(1, 1, 3, 3, 3, 3, 2, 2, 1, 1, 1, 1);
        Storage padded = Storage.onHost(DType.F64, 36);
        SCALAR.im2col(p, Double.NEGATIVE_INFINITY, x, 0, padded, 0);
        double inf = Double.NEGATIVE_INFINITY;
        assertArrayEquals(new double[] {inf, inf, inf, 5}, java.util.Arrays.copyOf(((Storage.F64) padded).a, 4));
        assertArrayEquals(new double[] {5, inf, inf, inf}, java.util.Arrays.copyOfRange(((Storage.F64) padded).a, 32, 36));
        // col2im of all ones counts how many windows read each pixel: the centre of a 3×3 image is in all 4.
        Storage ones = Storage.onHost(DType.F64, 16);
        SCALAR.fill(16, ones, 0, 1);
        Storage dx = Storage.onHost(DType.F64, 9);
        SCALAR.col2im(g, ones, 0, dx, 0);
        assertArrayEquals(new double[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, ((Storage.F64) dx).a);
    }

    @Test
    void col2imIsTheAdjointOfIm2col() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (ConvGeometry g : geometries(8)) {
            int n = g.inputSize();
            int m = g.patchSize() * g.positions();
            Storage x = random(DType.F64, rnd, 0, n);
            Storage c = random(DType.F64, rnd, 0, m);
            Storage cols = Storage.onHost(DType.F64, m);
            Storage dx = Storage.onHost(DType.F64, n);
            SCALAR.im2col(g, 0, x, 0, cols, 0);
            SCALAR.col2im(g, c, 0, dx, 0);
            double left = 0;
            double right = 0;
            for (int i = 0; i < m; i++) {
                left += cols.get(i) * c.get(i);
            }
            for (int i = 0; i < n; i++) {
                right += x.get(i) * dx.get(i);
            }
            assertEquals(left, right, 1e-12 * Math.max(1, Math.abs(left)), g.toString());
        }
    }

    @Test
    void simdMatchesTheReferenceBitForBit() {
        Backend simd = SimdFixture.simdOrSkip();
        SplittableRandom rnd = new SplittableRandom(11);
        for (DType dt : DType.values()) {
            for (ConvGeometry g : geometries(SimdFixture.lanes(simd))) {
                int n = g.inputSize();
                int m = g.patchSize() * g.positions();
                Storage x = random(dt, rnd, 3, n);
                for (double pad : new double[] {0, Double.NEGATIVE_INFINITY}) {
                    Storage want = Storage.onHost(dt, m + 2);
                    Storage got = Storage.onHost(dt, m + 2);
                    SCALAR.im2col(g, pad, x, 3, want, 2);
                    simd.im2col(g, pad, x, 3, got, 2);
                    same(dt + " im2col " + g + " pad " + pad, want, got);
                }
                Storage c = random(dt, rnd, 5, m);
                Storage want = random(dt, rnd, 0, n + 1);   // col2im overwrites whatever dx held
                Storage got = random(dt, rnd, 0, n + 1);
                SCALAR.col2im(g, c, 5, want, 1);
                simd.col2im(g, c, 5, got, 1);
                want.set(0, 0);
                got.set(0, 0);
                same(dt + " col2im " + g, want, got);
            }
        }
    }

    private static void same(String what, Storage want, Storage got) {
        for (int i = 0; i < want.length(); i++) {
            if (Double.compare(want.get(i), got.get(i)) != 0) {
                assertEquals(want.get(i), got.get(i), what + ": element " + i);
            }
        }
    }
}
