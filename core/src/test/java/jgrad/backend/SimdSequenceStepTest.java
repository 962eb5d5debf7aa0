package jgrad.backend;

import static jgrad.backend.SimdFixture.U;
import static jgrad.backend.SimdFixture.assertClose;
import static jgrad.backend.SimdFixture.copyOf;
import static jgrad.backend.SimdFixture.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIMD backend's RNN and GRU steps against their compositions ({@link RnnStep}, {@link GruStep}
 * run on the SIMD backend's own elementwise kernels): the fused ones make the same operations in the
 * same order, so they give the same bits, at the awkward sizes (tails included), with offsets, with
 * the upstream gradient walked (step 1) or repeated (step 0). Against the scalar reference, which
 * rounds differently inside σ and tanh, within a few ulps; in F64 the SIMD backend is the reference.
 */
class SimdSequenceStepTest {

    private static Backend simd;
    private static int[] sizes;

    @BeforeEach
    void backend() {
        simd = SimdFixture.simdOrSkip();
        int lanes = SimdFixture.lanes(simd);
        sizes = new int[] {0, 1, lanes - 1, lanes, lanes + 1, 3 * lanes + 5, 256};
    }

    /** Runs one step into fresh copies of its outputs: the composition when {@code composed}, else the backend's. */
    private interface Step {
        Storage[] run(Backend be, boolean composed);
    }

    /** Fused = composed bit for bit on SIMD; both close to the scalar backend's fused call (the composition there). */
    private static void check(String what, Step step) {
        Storage[] fused = step.run(simd, false);
        Storage[] composed = step.run(simd, true);
        Storage[] reference = step.run(Backends.scalar(), false);
        for (int k = 0; k < fused.length; k++) {
            float[] f = ((Storage.F32) fused[k]).a;
            assertArrayEquals(((Storage.F32) composed[k]).a, f, what + " output " + k);
            assertClose(what + " output " + k + " vs scalar", ((Storage.F32) reference[k]).a, f, 8 * U, 8 * U);
        }
    }

    @Test
    void rnnStepBackwardGivesTheBitsOfTheComposition() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (UnaryOp sigma : new UnaryOp[] {UnaryOp.TANH, UnaryOp.SIGMOID, UnaryOp.RELU, UnaryOp.LEAKY_RELU}) {
            for (int n : sizes) {
                for (int upStep : new int[] {0, 1}) {
                    Storage.F32 pre = uniform(rnd, 3, n, -3, 3);
                    Storage.F32 h = new Storage.F32(new float[n + 2]);
                    Backends.scalar().unary(sigma, n, pre, 3, h, 2, 0.1);
                    Storage.F32 up = uniform(rnd, 1, n + 1, -1, 1);
                    Storage.F32 dh = uniform(rnd, 4, n, -1, 1);
                    check("rnn " + sigma + " n=" + n + " upStep=" + upStep, (be, composed) -> {
                        Storage.F32 d = copyOf(dh);
                        Storage.F32 dpre = new Storage.F32(new float[n + 5]);
                        if (composed) {
                            RnnStep.backward(be, sigma, 0.1, n, pre, 3, h, 2, up, 1, upStep, d, 4, dpre, 5);
                        } else {
                            be.rnnStepBackward(sigma, 0.1, n, pre, 3, h, 2, up, 1, upStep, d, 4, dpre, 5);
                        }
                        return new Storage[] {d, dpre};
                    });
                }
            }
        }
    }

    @Test
    void gruStepsGiveTheBitsOfTheComposition() {
        SplittableRandom rnd = new SplittableRandom(22);
        for (int n : sizes) {
            Storage.F32 pre = uniform(rnd, 2, 3 * n, -3, 3);
            Storage.F32 hPrev = uniform(rnd, 3, n, -1, 1);
            check("gru gates forward n=" + n, (be, composed) -> {
                Storage.F32 act = new Storage.F32(new float[3 * n + 4]);
                Storage.F32 resetH = new Storage.F32(new float[n + 1]);
                if (composed) {
                    GruStep.gatesForward(be, n, pre, 2, hPrev, 3, act, 4, resetH, 1);
                } else {
                    be.gruGatesForward(n, pre, 2, hPrev, 3, act, 4, resetH, 1);
                }
                return new Storage[] {act, resetH};
            });
            Storage.F32 gates = uniform(rnd, 1, 3 * n, 0, 1);                // z, r in (0, 1), h̃ set below
            check("gru state forward n=" + n, (be, composed) -> {
                Storage.F32 act = copyOf(gates);
                Storage.F32 h = new Storage.F32(new float[n + 6]);
                if (composed) {
                    GruStep.stateForward(be, n, pre, 2, hPrev, 3, act, 1, h, 6);
                } else {
                    be.gruStateForward(n, pre, 2, hPrev, 3, act, 1, h, 6);
                }
                return new Storage[] {act, h};
            });
            Storage.F32 act = copyOf(gates);
            Backends.scalar().unary(UnaryOp.TANH, n, pre, 2 + 2 * n, act, 1 + 2 * n, 0);
            Storage.F32 up = uniform(rnd, 2, n, -1, 1);
            Storage.F32 dh = uniform(rnd, 5, n, -1, 1);
            Storage.F32 dResetH = uniform(rnd, 1, n, -1, 1);
            for (int upStep : new int[] {0, 1}) {
                check("gru state backward n=" + n + " upStep=" + upStep, (be, composed) -> {
                    Storage.F32 d = copyOf(dh);
                    Storage.F32 dpre = uniform(new SplittableRandom(1), 3, 3 * n, -9, 9);   // only h̃ is written
                    if (composed) {
                        GruStep.stateBackward(be, n, act, 1, up, 2, upStep, d, 5, dpre, 3);
                    } else {
                        be.gruStateBackward(n, act, 1, up, 2, upStep, d, 5, dpre, 3);
                    }
                    return new Storage[] {d, dpre};
                });
            }
            check("gru gates backward n=" + n, (be, composed) -> {
                Storage.F32 dhPrev = new Storage.F32(new float[n + 7]);
                Storage.F32 dpre = uniform(new SplittableRandom(2), 3, 3 * n, -9, 9);       // h̃ must stay
                if (composed) {
                    GruStep.gatesBackward(be, n, act, 1, hPrev, 3, dh, 5, dResetH, 1, dhPrev, 7, dpre, 3);
                } else {
                    be.gruGatesBackward(n, act, 1, hPrev, 3, dh, 5, dResetH, 1, dhPrev, 7, dpre, 3);
                }
                return new Storage[] {dhPrev, dpre};
            });
        }
    }

    /** In F64 the SIMD backend computes with the scalar reference: the same bits. */
    @Test
    void f64StepsAreTheScalarReference() {
        SplittableRandom rnd = new SplittableRandom(23);
        int n = sizes[5];
        Storage pre = f64(rnd, 3 * n, -3, 3), hPrev = f64(rnd, n, -1, 1), up = f64(rnd, n, -1, 1), dh = f64(rnd, n, -1, 1);
        double[][] results = new double[2][];
        Backend[] backends = {simd, Backends.scalar()};
        for (int k = 0; k < 2; k++) {
            Backend be = backends[k];
            Storage act = Storage.onHost(DType.F64, 3 * n), h = Storage.onHost(DType.F64, n);
            Storage resetH = Storage.onHost(DType.F64, n), d = be.upload(dh), dpre = Storage.onHost(DType.F64, 3 * n);
            Storage dhPrev = Storage.onHost(DType.F64, n), drnn = Storage.onHost(DType.F64, n);
            be.gruGatesForward(n, pre, 0, hPrev, 0, act, 0, resetH, 0);
            be.gruStateForward(n, pre, 0, hPrev, 0, act, 0, h, 0);
            be.gruStateBackward(n, act, 0, up, 0, 1, d, 0, dpre, 0);
            be.gruGatesBackward(n, act, 0, hPrev, 0, d, 0, resetH, 0, dhPrev, 0, dpre, 0);
            be.rnnStepBackward(UnaryOp.TANH, 0, n, pre, 0, h, 0, up, 0, 0, d, 0, drnn, 0);
            results[k] = concat(act, h, resetH, d, dpre, dhPrev, drnn);
        }
        assertArrayEquals(results[1], results[0], "F64 steps: SIMD vs scalar");
    }

    private static Storage f64(SplittableRandom rnd, int n, double lo, double hi) {
        Storage s = Storage.onHost(DType.F64, n);
        for (int i = 0; i < n; i++) {
            s.set(i, lo + (hi - lo) * rnd.nextDouble());
        }
        return s;
    }

    private static double[] concat(Storage... parts) {
        int len = 0;
        for (Storage p : parts) {
            len += p.length();
        }
        double[] all = new double[len];
        int i = 0;
        for (Storage p : parts) {
            for (int j = 0; j < p.length(); j++) {
                all[i++] = p.get(j);
            }
        }
        return all;
    }
}
