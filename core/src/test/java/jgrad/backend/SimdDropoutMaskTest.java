package jgrad.backend;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The SIMD backend's dropout masks against the scalar reference, bit for bit: Philox's rounds are integer
 * arithmetic, so the vector lanes must give the scalar rule's bits exactly, at the awkward sizes, at offsets
 * whose counters cross 2³² (the counter's second word), and at rates 0, ⅓, 0.2 and 0.999.
 */
class SimdDropoutMaskTest {

    @Test
    void masksEqualTheScalarReferenceBitForBit() {
        Backend simd = SimdFixture.simdOrSkip();
        SplittableRandom rnd = new SplittableRandom(8);
        for (int n : SimdFixture.sizes(SimdFixture.lanes(simd))) {
            for (long offset : new long[] {0, 7, (1L << 32) - 5, rnd.nextLong(1L << 40)}) {
                for (double p : new double[] {0, 1 / 3.0, 0.2, 0.999}) {
                    long seed = rnd.nextLong();
                    Storage.F32 want = new Storage.F32(new float[n + 2]);
                    Storage.F32 got = new Storage.F32(new float[n + 2]);
                    Backends.scalar().dropoutMask(n, seed, offset, p, want, 2);
                    simd.dropoutMask(n, seed, offset, p, got, 2);
                    SimdFixture.assertExact("n=" + n + " offset=" + offset + " p=" + p, want.a, got.a);
                }
            }
        }
    }
}
