package jgrad.backend;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The SIMD backend's fused attention-pooling backward against the composed default on the scalar
 * reference: the same sums in another order, so equal to float rounding. Sizes with and without vector
 * tails, with and without gα, with masked positions (α = 0) and a row with nothing kept.
 */
class SimdAttentionPoolTest {

    @Test
    void backwardEqualsTheComposition() {
        Backend simd = SimdFixture.simdOrSkip();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int[] shape : new int[][] {{1, 1, 1}, {3, 5, 17}, {2, 33, 7}, {4, 50, 128}}) {
            int b = shape[0], t = shape[1], d = shape[2];
            for (boolean withGAlpha : new boolean[] {false, true}) {
                Storage.F32 x = SimdFixture.uniform(rnd, 0, b * t * d, -1, 1);
                Storage.F32 h = SimdFixture.uniform(rnd, 0, b * d, -1, 1);
                Storage.F32 mask = SimdFixture.uniform(rnd, 0, b * t, 0, 1);
                for (int i = 0; i < b * t; i++) {
                    mask.a[i] = (i / t == 1 || mask.a[i] < 0.3f) ? 0 : 1;   // row 1 drops everything
                }
                Storage.F32 alpha = new Storage.F32(new float[b * t]);
                Storage.F32 c = new Storage.F32(new float[b * d]);
                Backends.scalar().attentionPoolForward(b, t, d, x, h, mask, alpha, c);
                Storage.F32 gAlpha = withGAlpha ? SimdFixture.uniform(rnd, 0, b * t, -1, 1) : null;
                Storage.F32 gc = SimdFixture.uniform(rnd, 0, b * d, -1, 1);
                Storage.F32[] want = backward(Backends.scalar(), b, t, d, x, h, alpha, gAlpha, gc);
                Storage.F32[] got = backward(simd, b, t, d, x, h, alpha, gAlpha, gc);
                String what = "B=" + b + " T=" + t + " d=" + d + (withGAlpha ? " with gα" : "");
                SimdFixture.assertClose(what + " de", want[0].a, got[0].a, 1e-5, 1e-4);
                SimdFixture.assertClose(what + " dx", want[1].a, got[1].a, 1e-5, 1e-4);
                SimdFixture.assertClose(what + " dh", want[2].a, got[2].a, 1e-5 * t, 1e-4);
            }
        }
    }

    private static Storage.F32[] backward(Backend be, int b, int t, int d, Storage.F32 x, Storage.F32 h,
                                          Storage.F32 alpha, Storage.F32 gAlpha, Storage.F32 gc) {
        Storage.F32 de = new Storage.F32(new float[b * t]);
        Storage.F32 dx = new Storage.F32(new float[b * t * d]);
        Storage.F32 dh = new Storage.F32(new float[b * d]);
        be.attentionPoolBackward(b, t, d, x, h, alpha, gAlpha, gc, de, dx, dh);
        return new Storage.F32[] {de, dx, dh};
    }
}
