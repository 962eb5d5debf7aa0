package jgrad.backend;

import static jgrad.backend.SimdFixture.absF64;
import static jgrad.backend.SimdFixture.assertWithinBound;
import static jgrad.backend.SimdFixture.randomF64;
import static jgrad.backend.SimdFixture.toF32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The convolution with bias and fused ReLU ({@link Backend#convForward}, {@link Backend#convBackward}): the
 * scalar reference against values worked out by hand, and the composition that CUDA runs ({@link ComposedConv})
 * and the SIMD kernels against the reference on awkward geometries, shallow (K ≤ 16, the direct loops) and deep
 * (the GEMM), one chunk and many. Float sums differ from the reference's double ones by rounding, bounded per
 * element by the same sums over absolute values: |got − want| ≤ 1e-5 · Σ|terms|.
 */
class ConvFusedKernelsTest {

    private static final Backend SCALAR = new ScalarBackend();

    /** Geometry and filter count of one case. */
    private record Case(ConvGeometry g, int filters) {
    }

    private static List<Case> cases(int lanes) {
        List<Case> c = new ArrayList<>();
        c.add(new Case(new ConvGeometry(1, 1, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1), 1));
        c.add(new Case(new ConvGeometry(3, 1, 9, lanes + 5, 3, 3, 1, 1, 0, 0, 1, 1), 5));     // shallow, tails
        c.add(new Case(new ConvGeometry(2, 2, 7, 8, 2, 3, 2, 2, 0, 1, 1, 1), 3));             // shallow, strided
        c.add(new Case(new ConvGeometry(5, 3, 6, lanes - 1, 3, 3, 1, 1, 1, 1, 1, 1), 4));      // deep (27), padded
        c.add(new Case(new ConvGeometry(3, 2, 9, 7, 3, 2, 3, 1, 2, 1, 2, 3), 7));
        c.add(new Case(new ConvGeometry(23, 4, 12, 12, 3, 3, 1, 1, 1, 1, 1, 1), 6));          // 5 images a chunk
        c.add(new Case(new ConvGeometry(50, 7, 1, 24, 1, 3, 1, 1, 0, 0, 1, 1), 9));           // 1-d rows, deep
        // fashion-cnn's two convolutions on fewer images (the reference is slow): 5 chunks of one, 3 of up to 4
        c.add(new Case(new ConvGeometry(5, 1, 28, 28, 3, 3, 1, 1, 0, 0, 1, 1), 32));
        c.add(new Case(new ConvGeometry(9, 32, 13, 13, 3, 3, 1, 1, 0, 0, 1, 1), 64));
        return c;
    }

    @Test
    void referenceByHand() {
        // x = 1..9 as a 3×3 image, one 2×2 filter [1, 0; 0, -1] (a diagonal difference), bias 1: every output
        // is 1 + x[i, j] − x[i+1, j+1] = 1 − 4 = −3, which the ReLU sets to 0.
        ConvGeometry g = new ConvGeometry(1, 1, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1);
        Storage x = new Storage.F64(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        Storage w = new Storage.F64(new double[] {1, 0, 0, -1});
        Storage b = new Storage.F64(new double[] {1});
        Storage z = Storage.onHost(DType.F64, 4);
        SCALAR.convForward(g, 1, false, x, 0, w, 0, b, 0, z, 0);
        assertArrayEquals(new double[] {-3, -3, -3, -3}, ((Storage.F64) z).a);
        Storage y = Storage.onHost(DType.F64, 4);
        SCALAR.convForward(g, 1, true, x, 0, w, 0, b, 0, y, 0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, ((Storage.F64) y).a);
        // Without the ReLU, dz = [1, 2, 3, 4]: db = 10; dW[0, 0] = Σ dz·x[i, j] = 1·1 + 2·2 + 3·4 + 4·5 = 37;
        // dx is dz spread by the filter: +dz at (i, j), −dz at (i+1, j+1).
        Storage dz = new Storage.F64(new double[] {1, 2, 3, 4});
        Storage dx = Storage.onHost(DType.F64, 9);
        Storage dW = Storage.onHost(DType.F64, 4);
        Storage db = Storage.onHost(DType.F64, 1);
        SCALAR.convBackward(g, 1, false, x, 0, w, 0, z, 0, dz, 0, dx, 0, dW, db);
        assertEquals(10, db.get(0));
        assertArrayEquals(new double[] {37, 47, 67, 77}, ((Storage.F64) dW).a);
        assertArrayEquals(new double[] {1, 2, 0, 3, 3, -2, 0, -3, -4}, ((Storage.F64) dx).a);
        // With it every output was clipped, so nothing flows back.
        SCALAR.convBackward(g, 1, true, x, 0, w, 0, y, 0, dz, 0, dx, 0, dW, db);
        assertArrayEquals(new double[9], ((Storage.F64) dx).a);
        assertArrayEquals(new double[4], ((Storage.F64) dW).a);
        assertEquals(0, db.get(0));
    }

    @Test
    void compositionMatchesTheReference() {
        compare(SCALAR, 8);
    }

    @Test
    void simdMatchesTheReference() {
        Backend simd = SimdFixture.simdOrSkip();
        compare(simd, SimdFixture.lanes(simd));
    }

    /** Runs every case through {@code be} (the composition when it is the scalar backend) in f32. */
    private static void compare(Backend be, int lanes) {
        SplittableRandom rnd = new SplittableRandom(5);
        boolean composed = be == SCALAR;
        for (Case c : cases(lanes)) {
            ConvGeometry g = c.g();
            int f = c.filters();
            int out = g.batch() * f * g.outH() * g.outW();
            int weights = f * g.patchSize();
            Storage x = randomF64(rnd, 3, g.inputSize());
            Storage w = randomF64(rnd, 2, weights);
            Storage b = randomF64(rnd, 1, f);
            Storage dz = randomF64(rnd, 4, out);
            for (boolean relu : new boolean[] {false, true}) {
                String what = g + " filters " + f + (relu ? " relu" : "");
                Storage want = Storage.onHost(DType.F64, out);
                SCALAR.convForward(g, f, relu, x, 3, w, 2, b, 1, want, 0);
                Storage bound = Storage.onHost(DType.F64, out);
                SCALAR.convForward(g, f, false, absF64(x), 3, absF64(w), 2, absF64(b), 1, bound, 0);
                Storage got = Storage.onHost(DType.F32, out + 1);
                if (composed) {
                    ComposedConv.forward(be, g, f, relu, toF32(x), 3, toF32(w), 2, toF32(b), 1, got, 1);
                } else {
                    be.convForward(g, f, relu, toF32(x), 3, toF32(w), 2, toF32(b), 1, got, 1);
                }
                assertWithinBound(what + " z", want, 0, bound, got, 1);

                // The backward reads z: both sides get the reference's, rounded to float, so their masks agree.
                Storage z = toF32(want);
                Storage d = Storage.onHost(DType.F64, out);
                for (int i = 0; i < out; i++) {
                    d.set(i, relu && !(z.get(i) > 0) ? 0 : Math.abs(dz.get(4 + i)));
                }
                Storage[] ref = backward(SCALAR, false, g, f, relu, x, w, z, dz);
                Storage[] bounds = backward(SCALAR, false, g, f, false, absF64(x), absF64(w), z, withOffset(d, 4));
                Storage[] mine = backward(be, composed, g, f, relu, toF32(x), toF32(w), z, toF32(dz));
                String[] names = {" dx", " dW", " db"};
                for (int k = 0; k < 3; k++) {
                    assertWithinBound(what + names[k], ref[k], k == 0 ? 1 : 0, bounds[k], mine[k], k == 0 ? 1 : 0);
                }
            }
        }
    }

    private static Storage withOffset(Storage s, int off) {
        Storage t = Storage.onHost(DType.F64, off + s.length());
        for (int i = 0; i < s.length(); i++) {
            t.set(off + i, s.get(i));
        }
        return t;
    }

    /** {dx (from offset 1), dW, db} in the dtype of x. */
    private static Storage[] backward(Backend be, boolean composed, ConvGeometry g, int f, boolean relu, Storage x,
                                      Storage w, Storage z, Storage dz) {
        DType dt = x.dtype();
        Storage dx = Storage.onHost(dt, 1 + g.inputSize());
        Storage dW = Storage.onHost(dt, f * g.patchSize());
        Storage db = Storage.onHost(dt, f);
        Storage zz = dt == DType.F32 ? z : withOffset(z, 0);
        if (composed) {
            ComposedConv.backward(be, g, f, relu, x, 3, w, 2, zz, 0, dz, 4, dx, 1, dW, db);
        } else {
            be.convBackward(g, f, relu, x, 3, w, 2, zz, 0, dz, 4, dx, 1, dW, db);
        }
        return new Storage[] {dx, dW, db};
    }
}
