package jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The convolution with ReLU and 2×2 max pooling in one op ({@link Backend#convMaxPool}): the SIMD fused pass
 * against the composition it replaces, bit for bit, on the same SIMD backend, and against the scalar reference
 * (which is that composition on plain loops). The inputs are multiples of 1/8 and the upstream gradients multiples
 * of 3/2, so every sum and every share dy / ties (ties of 1 to 4) is exact in float whatever the order: the fused
 * pass must then give the reference's numbers exactly, and the windows tie often (equal maxima, and windows whose
 * maximum the ReLU set to 0).
 */
class ConvMaxPoolKernelsTest {

    private static final Backend SCALAR = new ScalarBackend();

    /** Geometry and filter count of one case. */
    private record Case(ConvGeometry g, int filters) {
    }

    private static List<Case> cases(int lanes) {
        List<Case> c = new ArrayList<>();
        c.add(new Case(new ConvGeometry(1, 1, 5, 5, 2, 2, 1, 1, 0, 0, 1, 1), 1));             // z 4×4
        c.add(new Case(new ConvGeometry(3, 1, 9, lanes + 5, 3, 3, 1, 1, 0, 0, 1, 1), 5));     // direct loops, odd z rows
        c.add(new Case(new ConvGeometry(2, 2, 8, 2 * lanes + 3, 2, 3, 1, 1, 0, 1, 1, 1), 3)); // z rows of 2L + 3
        c.add(new Case(new ConvGeometry(5, 3, 6, lanes - 1, 3, 3, 1, 1, 1, 1, 1, 1), 4));      // GEMM (K 27), padded
        c.add(new Case(new ConvGeometry(23, 4, 12, 12, 3, 3, 1, 1, 1, 1, 1, 1), 6));          // many images a chunk
        c.add(new Case(new ConvGeometry(3, 2, 9, 7, 3, 2, 2, 1, 1, 1, 2, 1), 7));              // strided, dilated
        // fashion-cnn's two convolutions on fewer images: z 26×26 (one image a chunk), then 11×11 (four, then one)
        c.add(new Case(new ConvGeometry(3, 1, 28, 28, 3, 3, 1, 1, 0, 0, 1, 1), 32));
        c.add(new Case(new ConvGeometry(5, 32, 13, 13, 3, 3, 1, 1, 0, 0, 1, 1), 64));
        return c;
    }

    private static ConvGeometry poolOver(ConvGeometry g, int filters) {
        return new ConvGeometry(g.batch(), filters, g.outH(), g.outW(), 2, 2, 2, 2, 0, 0, 1, 1);
    }

    /** n values k · step with |k| ≤ bound. */
    private static Storage.F32 grid(SplittableRandom rnd, int n, int bound, float step) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(-bound, bound + 1) * step;
        }
        return new Storage.F32(a);
    }

    /** {y, dx, dW, db} of one backend, fused (its own convMaxPool) or composed (ComposedConvPool on it). */
    private static float[][] run(Backend be, boolean composed, Case c, Storage x, Storage w, Storage b, Storage dy) {
        ConvGeometry g = c.g();
        int f = c.filters();
        ConvGeometry pool = poolOver(g, f);
        int outputs = g.batch() * f * pool.outH() * pool.outW();
        Storage y = Storage.onHost(DType.F32, outputs);
        Storage dx = Storage.onHost(DType.F32, 1 + g.inputSize());
        Storage dW = Storage.onHost(DType.F32, f * g.patchSize());
        Storage db = Storage.onHost(DType.F32, f);
        if (composed) {
            Storage record = Storage.onHost(DType.F32, ComposedConvPool.recordSize(g, f));
            ComposedConvPool.forward(be, g, f, pool, x, 3, w, 2, b, 1, y, record);
            ComposedConvPool.backward(be, g, f, pool, x, 3, w, 2, y, record, dy, 4, dx, 1, dW, db);
        } else {
            Storage record = Storage.onHost(DType.F32, be.convMaxPoolRecordSize(DType.F32, g, f, pool));
            be.convMaxPool(g, f, pool, x, 3, w, 2, b, 1, y, record);
            be.convMaxPoolBackward(g, f, pool, x, 3, w, 2, y, record, dy, 4, dx, 1, dW, db);
        }
        return new float[][] {((Storage.F32) y).a, ((Storage.F32) dx).a, ((Storage.F32) dW).a, ((Storage.F32) db).a};
    }

    @Test
    void simdFusedIsItsCompositionAndTheReferenceBitForBit() {
        Backend simd = SimdFixture.simdOrSkip();
        SplittableRandom rnd = new SplittableRandom(14);
        String[] names = {"y", "dx", "dW", "db"};
        for (Case c : cases(SimdFixture.lanes(simd))) {
            ConvGeometry g = c.g();
            int f = c.filters();
            ConvGeometry pool = poolOver(g, f);
            Storage x = grid(rnd, 3 + g.inputSize(), 8, 1 / 8f);
            Storage w = grid(rnd, 2 + f * g.patchSize(), 8, 1 / 8f);
            Storage b = grid(rnd, 1 + f, 8, 1 / 8f);
            Storage dy = grid(rnd, 4 + g.batch() * f * pool.outH() * pool.outW(), 4, 1.5f);
            float[][] fused = run(simd, false, c, x, w, b, dy);
            float[][] composed = run(simd, true, c, x, w, b, dy);
            float[][] reference = run(SCALAR, false, c, x, w, b, dy);
            for (int k = 0; k < names.length; k++) {
                assertArrayEquals(composed[k], fused[k], g + " filters " + f + ": " + names[k] + " against the composition");
                assertArrayEquals(reference[k], fused[k], g + " filters " + f + ": " + names[k] + " against the reference");
            }
        }
    }

    @Test
    void randomValuesGiveTheCompositionsBits() {
        Backend simd = SimdFixture.simdOrSkip();
        SplittableRandom rnd = new SplittableRandom(7);
        for (Case c : cases(SimdFixture.lanes(simd))) {
            ConvGeometry g = c.g();
            int f = c.filters();
            ConvGeometry pool = poolOver(g, f);
            Storage x = SimdFixture.uniform(rnd, 3, g.inputSize(), -1, 1);
            Storage w = SimdFixture.uniform(rnd, 2, f * g.patchSize(), -1, 1);
            Storage b = SimdFixture.uniform(rnd, 1, f, -0.5, 0.5);
            Storage dy = SimdFixture.uniform(rnd, 4, g.batch() * f * pool.outH() * pool.outW(), -1, 1);
            float[][] fused = run(simd, false, c, x, w, b, dy);
            float[][] composed = run(simd, true, c, x, w, b, dy);
            for (int k = 0; k < fused.length; k++) {
                assertArrayEquals(composed[k], fused[k], g + " filters " + f + ": output " + k);
            }
        }
    }

    @Test
    void tiesShareAndAWindowAtZeroPassesNothing() {
        // One 1×1 filter of weight 1, bias 0, on a 4×4 image: z = relu(x). Windows: {1, 3, 3, 2} (3 ties twice),
        // {−1, −2, −3, −4} (maximum 0 after the ReLU), {5, 5, 5, 5} (four ties), {0, 0, 0, 7}.
        ConvGeometry g = new ConvGeometry(1, 1, 4, 4, 1, 1, 1, 1, 0, 0, 1, 1);
        Storage x = new Storage.F32(new float[] {
                1, 3, -1, -2,
                3, 2, -3, -4,
                5, 5, 0, 0,
                5, 5, 0, 7});
        Storage w = new Storage.F32(new float[] {1});
        Storage b = new Storage.F32(new float[] {0});
        Storage dy = new Storage.F32(new float[] {6, 10, 8, 12});
        ConvGeometry pool = poolOver(g, 1);
        for (Backend be : backends()) {
            Storage y = Storage.onHost(DType.F32, 4);
            Storage record = Storage.onHost(DType.F32, be.convMaxPoolRecordSize(DType.F32, g, 1, pool));
            be.convMaxPool(g, 1, pool, x, 0, w, 0, b, 0, y, record);
            assertArrayEquals(new float[] {3, 0, 5, 7}, ((Storage.F32) y).a, be.name());
            Storage dx = Storage.onHost(DType.F32, 16);
            Storage dW = Storage.onHost(DType.F32, 1);
            Storage db = Storage.onHost(DType.F32, 1);
            be.convMaxPoolBackward(g, 1, pool, x, 0, w, 0, y, record, dy, 0, dx, 0, dW, db);
            assertArrayEquals(new float[] {
                    0, 3, 0, 0,
                    3, 0, 0, 0,
                    2, 2, 0, 0,
                    2, 2, 0, 12}, ((Storage.F32) dx).a, be.name());
            assertEquals(6 + 8 + 12, db.get(0), be.name());
            assertEquals(3 * 3 + 3 * 3 + 5 * 8 + 7 * 12, dW.get(0), be.name());
        }
    }

    private static List<Backend> backends() {
        List<Backend> all = new ArrayList<>(List.of(SCALAR));
        if (Backends.vectorApiAvailable()) {
            all.add(Backends.simd());
        }
        return all;
    }
}
