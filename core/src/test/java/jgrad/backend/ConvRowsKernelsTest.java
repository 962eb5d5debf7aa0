package jgrad.backend;

import static jgrad.backend.SimdFixture.absF64;
import static jgrad.backend.SimdFixture.assertWithinBound;
import static jgrad.backend.SimdFixture.randomF64;
import static jgrad.backend.SimdFixture.toF32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The 1-d convolution over channels-last signals ({@link Backend#convRowsForward}, {@link Backend#convRowsBackward}):
 * the scalar backend's composition (x copied to channels first, then {@link Backend#convForward}) equals
 * convForward on x transposed by hand, bit for bit, and the SIMD implicit GEMM ({@code SimdConvRows}) matches the
 * reference on awkward sizes: one sentence and many, k = 1 and k = L, channels and filters around the vector
 * width, the sentiment CNN's widths; and a strided, dilated or padded geometry (sent to the composition). Float
 * sums differ from the reference's double ones by rounding, bounded per element by the same sums over absolute
 * values: |got − want| ≤ 1e-5 · Σ|terms|.
 */
class ConvRowsKernelsTest {

    private static final Backend SCALAR = new ScalarBackend();

    private record Case(ConvGeometry g, int filters) {
    }

    /** A 1-d geometry over `length` positions: x as [batch, channels, 1, length]. */
    private static ConvGeometry rows(int batch, int channels, int length, int k, int stride, int pad, int dilation) {
        return new ConvGeometry(batch, channels, 1, length, 1, k, 1, stride, 0, pad, 1, dilation);
    }

    private static List<Case> cases(int lanes) {
        List<Case> c = new ArrayList<>();
        c.add(new Case(rows(1, 1, 1, 1, 1, 0, 1), 1));
        c.add(new Case(rows(1, 3, 5, 5, 1, 0, 1), 2));                      // k = L: one window
        c.add(new Case(rows(4, lanes + 1, 9, 3, 1, 0, 1), lanes - 1));
        c.add(new Case(rows(7, 2 * lanes - 1, 13, 4, 1, 0, 1), 2 * lanes + 3));
        c.add(new Case(rows(3, 5, 11, 1, 1, 0, 1), 7));                     // k = 1: no straddling window
        c.add(new Case(rows(9, 60, 24, 5, 1, 0, 1), 20));                   // the sentiment CNN, smaller
        c.add(new Case(rows(50, 30, 64, 3, 1, 0, 1), 100));                 // its batch, length and maps
        c.add(new Case(rows(5, 6, 12, 3, 2, 1, 2), 4));                     // strided, padded, dilated
        return c;
    }

    /** x [B, L, C] from offset off as [B, C, L] (from 0). */
    private static Storage channelsFirst(ConvGeometry g, Storage x, int off) {
        int c = g.channels(), l = g.width();
        Storage t = Storage.onHost(x.dtype(), g.inputSize());
        for (int n = 0; n < g.batch(); n++) {
            for (int ch = 0; ch < c; ch++) {
                for (int j = 0; j < l; j++) {
                    t.set((n * c + ch) * l + j, x.get(off + (n * l + j) * c + ch));
                }
            }
        }
        return t;
    }

    @Test
    void compositionIsTheConvolutionOfTheTransposedInput() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (Case c : cases(8)) {
            ConvGeometry g = c.g();
            int f = c.filters(), out = g.batch() * f * g.outW();
            Storage x = toF32(randomF64(rnd, 3, g.inputSize()));
            Storage w = toF32(randomF64(rnd, 2, f * g.patchSize()));
            Storage b = toF32(randomF64(rnd, 1, f));
            Storage dz = toF32(randomF64(rnd, 4, out));
            Storage xt = channelsFirst(g, x, 3);
            Storage want = Storage.onHost(DType.F32, out);
            SCALAR.convForward(g, f, true, xt, 0, w, 2, b, 1, want, 0);
            Storage got = Storage.onHost(DType.F32, out);
            SCALAR.convRowsForward(g, f, true, x, 3, w, 2, b, 1, got, 0);
            assertArrayEquals(((Storage.F32) want).a, ((Storage.F32) got).a, g.toString());

            Storage dxt = Storage.onHost(DType.F32, g.inputSize());
            Storage dW = Storage.onHost(DType.F32, f * g.patchSize());
            Storage db = Storage.onHost(DType.F32, f);
            SCALAR.convBackward(g, f, true, xt, 0, w, 2, want, 0, dz, 4, dxt, 0, dW, db);
            Storage dx = Storage.onHost(DType.F32, 1 + g.inputSize());
            Storage dW2 = Storage.onHost(DType.F32, f * g.patchSize());
            Storage db2 = Storage.onHost(DType.F32, f);
            SCALAR.convRowsBackward(g, f, true, x, 3, w, 2, got, 0, dz, 4, dx, 1, dW2, db2);
            assertArrayEquals(((Storage.F32) dW).a, ((Storage.F32) dW2).a, g + " dW");
            assertArrayEquals(((Storage.F32) db).a, ((Storage.F32) db2).a, g + " db");
            Storage dxBack = channelsFirst(g, dx, 1);
            assertArrayEquals(((Storage.F32) dxt).a, ((Storage.F32) dxBack).a, g + " dx");
        }
    }

    @Test
    void simdMatchesTheReference() {
        Backend simd = SimdFixture.simdOrSkip();
        SplittableRandom rnd = new SplittableRandom(5);
        for (Case c : cases(SimdFixture.lanes(simd))) {
            ConvGeometry g = c.g();
            int f = c.filters(), out = g.batch() * f * g.outW();
            Storage x = randomF64(rnd, 3, g.inputSize());
            Storage w = randomF64(rnd, 2, f * g.patchSize());
            Storage b = randomF64(rnd, 1, f);
            Storage dz = randomF64(rnd, 4, out);
            Storage xt = channelsFirst(g, x, 3);
            for (boolean relu : new boolean[] {false, true}) {
                String what = g + " filters " + f + (relu ? " relu" : "");
                Storage want = Storage.onHost(DType.F64, out);
                SCALAR.convForward(g, f, relu, xt, 0, w, 2, b, 1, want, 0);
                Storage bound = Storage.onHost(DType.F64, out);
                SCALAR.convForward(g, f, false, absF64(xt), 0, absF64(w), 2, absF64(b), 1, bound, 0);
                Storage got = Storage.onHost(DType.F32, out + 1);
                simd.convRowsForward(g, f, relu, toF32(x), 3, toF32(w), 2, toF32(b), 1, got, 1);
                assertWithinBound(what + " z", want, 0, bound, got, 1);

                // The backward reads z: both sides get the reference's, rounded to float, so their masks agree.
                Storage z = toF32(want);
                Storage zd = Storage.onHost(DType.F64, out);
                Storage d = Storage.onHost(DType.F64, 4 + out);
                for (int i = 0; i < out; i++) {
                    zd.set(i, z.get(i));
                    d.set(4 + i, relu && !(z.get(i) > 0) ? 0 : Math.abs(dz.get(4 + i)));
                }
                Storage[] ref = reference(g, f, relu, xt, w, zd, dz);
                Storage[] bounds = reference(g, f, false, absF64(xt), absF64(w), zd, d);
                Storage dx = Storage.onHost(DType.F32, 1 + g.inputSize());
                Storage dW = Storage.onHost(DType.F32, f * g.patchSize());
                Storage db = Storage.onHost(DType.F32, f);
                simd.convRowsBackward(g, f, relu, toF32(x), 3, toF32(w), 2, z, 0, toF32(dz), 4, dx, 1, dW, db);
                assertWithinBound(what + " dx", ref[0], 0, bounds[0], channelsFirst(g, dx, 1), 0);
                assertWithinBound(what + " dW", ref[1], 0, bounds[1], dW, 0);
                assertWithinBound(what + " db", ref[2], 0, bounds[2], db, 0);
            }
        }
    }

    /** {dx [B, C, L], dW, db} of the reference in double, x channels first. */
    private static Storage[] reference(ConvGeometry g, int f, boolean relu, Storage xt, Storage w, Storage z,
                                       Storage dz) {
        Storage dx = Storage.onHost(DType.F64, g.inputSize());
        Storage dW = Storage.onHost(DType.F64, f * g.patchSize());
        Storage db = Storage.onHost(DType.F64, f);
        SCALAR.convBackward(g, f, relu, xt, 0, w, 2, z, 0, dz, 4, dx, 0, dW, db);
        return new Storage[] {dx, dW, db};
    }
}
