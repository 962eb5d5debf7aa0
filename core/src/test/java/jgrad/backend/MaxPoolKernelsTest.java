package jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The fused max pooling: the scalar reference against maxima and gradients worked out by hand (ties
 * included), the composition that non-fused backends run ({@link ComposedPooling}) against the reference,
 * and the SIMD kernel against the reference: the forward bit for bit (a maximum rounds nothing), the
 * backward to float rounding (each share is one division, summed where windows overlap).
 */
class MaxPoolKernelsTest {

    private static final Backend SCALAR = new ScalarBackend();

    /** Non-overlapping and overlapping windows, strides, paddings up to half a window, dilation, 1-d rows. */
    private static List<ConvGeometry> geometries(int lanes) {
        return List.of(
                new ConvGeometry(1, 1, 4, 4, 2, 2, 2, 2, 0, 0, 1, 1),
                new ConvGeometry(2, 3, 5, 6, 3, 3, 1, 1, 1, 1, 1, 1),
                new ConvGeometry(2, 2, 7, 9, 2, 3, 2, 2, 1, 1, 1, 1),
                new ConvGeometry(3, 2, 9, 8, 3, 2, 3, 1, 1, 1, 2, 3),
                new ConvGeometry(1, 4, 1, 17, 1, 3, 1, 2, 0, 1, 1, 2),
                new ConvGeometry(2, 3, 6, lanes + 3, 2, 2, 2, 2, 0, 0, 1, 1),
                new ConvGeometry(64, 32, 26, 26, 2, 2, 2, 2, 0, 0, 1, 1),   // fashion-cnn's first pooling
                new ConvGeometry(64, 64, 11, 11, 2, 2, 2, 2, 0, 0, 1, 1),   // and its second (odd: last row dropped)
                new ConvGeometry(2, 3, 8, 2 * lanes + 5, 2, 2, 3, 3, 0, 0, 1, 1),   // disjoint with gaps, rows of 3 runs
                new ConvGeometry(1, 2, 5, lanes + 1, 1, 3, 1, 3, 0, 0, 1, 1));     // disjoint 1×3 windows touching
    }

    /** Values on a grid of quarters in [−1, 1], so that windows often tie. */
    private static Storage coarse(DType dt, SplittableRandom rnd, int off, int n) {
        Storage s = Storage.onHost(dt, off + n);
        for (int i = 0; i < s.length(); i++) {
            s.set(i, rnd.nextInt(9) / 4.0 - 1);
        }
        return s;
    }

    private static Storage uniform(DType dt, SplittableRandom rnd, int off, int n) {
        Storage s = Storage.onHost(dt, off + n);
        for (int i = 0; i < s.length(); i++) {
            s.set(i, (float) (rnd.nextDouble() * 2 - 1));
        }
        return s;
    }

    @Test
    void maximaAndGradientsByHand() {
        // A 4×4 image, 2×2 windows at stride 2. The top-right window ties 6 with 6, the bottom-right is all 1.
        ConvGeometry g = new ConvGeometry(1, 1, 4, 4, 2, 2, 2, 2, 0, 0, 1, 1);
        Storage x = new Storage.F64(new double[] {
                1, 3, 6, 6,
                2, -1, 0, 5,
                -4, -3, 1, 1,
                -2, -5, 1, 1});
        Storage y = Storage.onHost(DType.F64, 4);
        SCALAR.maxPool(g, x, 0, y, 0);
        assertArrayEquals(new double[] {3, 6, -2, 1}, ((Storage.F64) y).a);
        Storage dy = new Storage.F64(new double[] {10, 20, 30, 40});
        Storage dx = new Storage.F64(new double[16]);
        SCALAR.maxPoolBackward(g, x, 0, y, 0, dy, 0, dx, 0);
        assertArrayEquals(new double[] {
                0, 10, 10, 10,
                0, 0, 0, 0,
                0, 0, 10, 10,
                30, 0, 10, 10}, ((Storage.F64) dx).a);
    }

    @Test
    void overlappingWindowsSumTheirGradients() {
        // 1×3 row, windows of 2 at stride 1: the middle 5 wins both windows and gets both gradients.
        ConvGeometry g = new ConvGeometry(1, 1, 1, 3, 1, 2, 1, 1, 0, 0, 1, 1);
        Storage x = new Storage.F64(new double[] {1, 5, 2});
        Storage y = Storage.onHost(DType.F64, 2);
        SCALAR.maxPool(g, x, 0, y, 0);
        assertArrayEquals(new double[] {5, 5}, ((Storage.F64) y).a);
        Storage dx = Storage.onHost(DType.F64, 3);
        SCALAR.maxPoolBackward(g, x, 0, y, 0, new Storage.F64(new double[] {1, 2}), 0, dx, 0);
        assertArrayEquals(new double[] {0, 3, 0}, ((Storage.F64) dx).a);
    }

    @Test
    void theCompositionMatchesTheReference() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (ConvGeometry g : geometries(8)) {
            int out = g.channels() * g.positions();
            Storage x = coarse(DType.F64, rnd, 2, g.inputSize());
            Storage want = Storage.onHost(DType.F64, out + 1);
            Storage got = Storage.onHost(DType.F64, out + 1);
            SCALAR.maxPool(g, x, 2, want, 1);
            ComposedPooling.maxPool(SCALAR, g, x, 2, got, 1);
            close(g + " forward", want, got, 0);
            Storage dy = coarse(DType.F64, rnd, 0, out);
            Storage dxWant = coarse(DType.F64, rnd, 0, g.inputSize());   // both overwrite what dx held
            Storage dxGot = coarse(DType.F64, rnd, 0, g.inputSize());
            SCALAR.maxPoolBackward(g, x, 2, want, 1, dy, 0, dxWant, 0);
            ComposedPooling.maxPoolBackward(SCALAR, g, x, 2, want, 1, dy, 0, dxGot, 0);
            close(g + " backward", dxWant, dxGot, 1e-15);
        }
    }

    @Test
    void simdMatchesTheReference() {
        Backend simd = SimdFixture.simdOrSkip();
        SplittableRandom rnd = new SplittableRandom(5);
        for (DType dt : DType.values()) {
            for (ConvGeometry g : geometries(SimdFixture.lanes(simd))) {
                int out = g.channels() * g.positions();
                Storage x = coarse(dt, rnd, 3, g.inputSize());
                Storage want = Storage.onHost(dt, out + 2);
                Storage got = Storage.onHost(dt, out + 2);
                SCALAR.maxPool(g, x, 3, want, 2);
                simd.maxPool(g, x, 3, got, 2);
                close(dt + " forward " + g, want, got, 0);
                Storage dy = uniform(dt, rnd, 1, out);
                Storage dxWant = coarse(dt, rnd, 0, g.inputSize() + 1);
                Storage dxGot = coarse(dt, rnd, 0, g.inputSize() + 1);
                SCALAR.maxPoolBackward(g, x, 3, want, 2, dy, 1, dxWant, 1);
                simd.maxPoolBackward(g, x, 3, want, 2, dy, 1, dxGot, 1);
                dxWant.set(0, 0);   // before the offset: neither writes it
                dxGot.set(0, 0);
                close(dt + " backward " + g, dxWant, dxGot, 4 * SimdFixture.U);
            }
        }
    }

    /** Where windows do not overlap each input gets one share or nothing: the float bits are the reference's. */
    @Test
    void disjointWindowsGetTheReferenceBits() {
        Backend simd = SimdFixture.simdOrSkip();
        SplittableRandom rnd = new SplittableRandom(7);
        for (ConvGeometry g : geometries(SimdFixture.lanes(simd))) {
            if (g.ph() + g.pw() > 0 || g.kh() > g.sh() || g.kw() > g.sw()) {
                continue;
            }
            int out = g.channels() * g.positions();
            Storage x = coarse(DType.F32, rnd, 0, g.inputSize());
            Storage y = Storage.onHost(DType.F32, out);
            SCALAR.maxPool(g, x, 0, y, 0);
            Storage dy = uniform(DType.F32, rnd, 0, out);
            Storage dxWant = coarse(DType.F32, rnd, 0, g.inputSize());
            Storage dxGot = coarse(DType.F32, rnd, 0, g.inputSize());
            SCALAR.maxPoolBackward(g, x, 0, y, 0, dy, 0, dxWant, 0);
            simd.maxPoolBackward(g, x, 0, y, 0, dy, 0, dxGot, 0);
            close("F32 backward " + g, dxWant, dxGot, 0);
        }
    }

    private static void close(String what, Storage want, Storage got, double relative) {
        for (int i = 0; i < want.length(); i++) {
            double w = want.get(i);
            assertEquals(w, got.get(i), relative * Math.max(1, Math.abs(w)), what + ": element " + i);
        }
    }
}
