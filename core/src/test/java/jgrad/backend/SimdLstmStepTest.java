package jgrad.backend;

import static jgrad.backend.SimdFixture.U;
import static jgrad.backend.SimdFixture.assertClose;
import static jgrad.backend.SimdFixture.copyOf;
import static jgrad.backend.SimdFixture.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import jgrad.backend.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIMD backend's LSTM step against the composition ({@link LstmStep}, run on the SIMD backend's own
 * elementwise kernels): the fused backward makes the same operations in the same order, so it gives the
 * same bits, at the awkward sizes (tails included), with offsets; the forward, the composition itself,
 * also with act written over pre. Against the scalar reference, which rounds differently inside σ and
 * tanh, within a few ulps.
 */
class SimdLstmStepTest {

    private static Backend simd;
    private static int[] sizes;

    @BeforeEach
    void backend() {
        simd = SimdFixture.simdOrSkip();
        int lanes = SimdFixture.lanes(simd);
        sizes = new int[] {0, 1, lanes - 1, lanes, lanes + 1, 3 * lanes + 5, 256};
    }

    @Test
    void forwardGivesTheBitsOfTheComposition() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n : sizes) {
            for (boolean inPlace : new boolean[] {false, true}) {
                Storage.F32 pre = uniform(rnd, 3, 4 * n, -4, 4);
                Storage.F32 cPrev = uniform(rnd, 5, n, -2, 2);
                Storage.F32[] fused = forward(simd, false, n, pre, cPrev, inPlace);
                Storage.F32[] composed = forward(simd, true, n, pre, cPrev, inPlace);
                Storage.F32[] reference = forward(Backends.scalar(), false, n, pre, cPrev, inPlace);
                for (int k = 0; k < fused.length; k++) {
                    String what = "forward n=" + n + (inPlace ? " in place" : "") + " output " + k;
                    assertArrayEquals(composed[k].a, fused[k].a, what);
                    assertClose(what + " vs scalar", reference[k].a, fused[k].a, 8 * U, 8 * U);
                }
            }
        }
    }

    @Test
    void backwardGivesTheBitsOfTheComposition() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int n : sizes) {
            Storage.F32 act = uniform(rnd, 2, 4 * n, 0, 1);
            Storage.F32 cPrev = uniform(rnd, 1, n, -2, 2);
            Storage.F32 tanhC = uniform(rnd, 4, n, -1, 1);
            Storage.F32 dh = uniform(rnd, 3, n, -1, 1);
            Storage.F32 dc = uniform(rnd, 6, n, -1, 1);
            Storage.F32[] fused = backward(simd, false, n, act, cPrev, tanhC, dh, dc);
            Storage.F32[] composed = backward(simd, true, n, act, cPrev, tanhC, dh, dc);
            Storage.F32[] reference = backward(Backends.scalar(), false, n, act, cPrev, tanhC, dh, dc);
            for (int k = 0; k < fused.length; k++) {
                String what = "backward n=" + n + " output " + k;
                assertArrayEquals(composed[k].a, fused[k].a, what);
                assertClose(what + " vs scalar", reference[k].a, fused[k].a, 8 * U, 8 * U);
            }
        }
    }

    /** act, and c, tanh(c), h side by side in one buffer as the layer keeps them. */
    private static Storage.F32[] forward(Backend be, boolean composed, int n, Storage.F32 pre, Storage.F32 cPrev,
                                         boolean inPlace) {
        Storage.F32 p = copyOf(pre);
        Storage.F32 act = inPlace ? p : new Storage.F32(new float[7 + 4 * n]);
        int actOff = inPlace ? 3 : 7;
        Storage.F32 state = new Storage.F32(new float[3 * n + 2]);
        int c = 2, tc = 2 + n, h = 2 + 2 * n;
        if (composed) {
            LstmStep.forward(be, n, p, 3, cPrev, 5, act, actOff, state, c, state, tc, state, h);
        } else {
            be.lstmStepForward(n, p, 3, cPrev, 5, act, actOff, state, c, state, tc, state, h);
        }
        return new Storage.F32[] {act, state};
    }

    private static Storage.F32[] backward(Backend be, boolean composed, int n, Storage.F32 act, Storage.F32 cPrev,
                                          Storage.F32 tanhC, Storage.F32 dh, Storage.F32 dc) {
        Storage.F32 dcOut = copyOf(dc);
        Storage.F32 dpre = new Storage.F32(new float[4 * n + 9]);
        if (composed) {
            LstmStep.backward(be, n, act, 2, cPrev, 1, tanhC, 4, dh, 3, dcOut, 6, dpre, 9);
        } else {
            be.lstmStepBackward(n, act, 2, cPrev, 1, tanhC, 4, dh, 3, dcOut, 6, dpre, 9);
        }
        return new Storage.F32[] {dpre, dcOut};
    }
}
