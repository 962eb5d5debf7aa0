package jgrad.cuda.emu;

import java.util.Random;
import jgrad.backend.Backend;
import jgrad.backend.Backends;
import jgrad.backend.DType;
import jgrad.backend.Storage;
import jgrad.backend.UnaryOp;
import org.junit.jupiter.api.Test;

/**
 * The fused steps of the RNN (rnn.cu), the GRU (gru.cu) and attention pooling (attention.cu), compiled
 * for the host through cuda_host_emu.h, against the {@link Backend} defaults composed of the generic
 * kernels, run in F64 on the scalar reference (which overrides none of them). F32 kernels are compared
 * with the same reference at float tolerance. Sizes around the launch widths (32 … 128 threads), the
 * upstream gradient walked and repeated.
 */
class EmulatedSequenceStepsTest extends EmulatedKernelFixture {

    private static final int[] SIZES = {1, 3, 33, 130};

    private final Random random = new Random(20260602);
    private final Backend ref = Backends.scalar();

    EmulatedSequenceStepsTest() {
        super(new int[][] {{1, 32}, {3, 32}, {2, 64}, {1, 128}});
    }

    /** n values in [lo, hi), exact in F32 too, as F64. */
    private Storage random(int n, double lo, double hi) {
        Storage s = Storage.onHost(DType.F64, n);
        for (int i = 0; i < n; i++) {
            s.set(i, (float) (lo + (hi - lo) * random.nextDouble()));
        }
        return s;
    }

    private static Storage copy(Storage s) {
        Storage c = Storage.onHost(DType.F64, s.length());
        for (int i = 0; i < s.length(); i++) {
            c.set(i, s.get(i));
        }
        return c;
    }

    /** The values in the kernel's dtype. */
    private static Storage as(DType dt, Storage s) {
        Storage c = Storage.onHost(dt, s.length());
        for (int i = 0; i < s.length(); i++) {
            c.set(i, s.get(i));
        }
        return c;
    }

    @Test
    void rnnStepAgainstTheComposition() throws Exception {
        Batch batch = batch();
        for (DType dt : DTYPES) {
            for (int n : SIZES) {
                for (UnaryOp sigma : new UnaryOp[] {UnaryOp.TANH, UnaryOp.SIGMOID, UnaryOp.RELU, UnaryOp.LEAKY_RELU}) {
                    double alpha = sigma == UnaryOp.LEAKY_RELU ? 0.125 : 0;
                    Storage pre = random(n, -3, 3);
                    Storage h = Storage.onHost(DType.F64, n);
                    ref.rnnStepForward(sigma, alpha, n, pre, 0, h, 0);
                    String label = "rnn " + sigma + " n=" + n + " " + dt;
                    batch.add(label + " forward", command("rnn_step_forward", dt).ints(sigma.ordinal()).real(alpha)
                            .array(as(dt, pre)), dt, 1, h);
                    for (int upStep : new int[] {0, 1}) {
                        Storage up = random(n, -1, 1), dh = random(n, -1, 1);
                        Storage hIn = as(dt, h);                   // the F32 kernel gets h as the F32 forward gives it
                        Storage dhOut = copy(dh), dpre = Storage.onHost(DType.F64, n);
                        ref.rnnStepBackward(sigma, alpha, n, pre, 0, copy(hIn), 0, up, 0, upStep, dhOut, 0, dpre, 0);
                        batch.add(label + " backward upStep=" + upStep, command("rnn_step_backward", dt)
                                .ints(sigma.ordinal()).real(alpha).ints(upStep).array(as(dt, pre)).array(hIn)
                                .array(as(dt, up)).array(as(dt, dh)), dt, 1, dhOut, dpre);
                    }
                }
            }
        }
        batch.check(driver());
    }

    @Test
    void gruStepsAgainstTheComposition() throws Exception {
        Batch batch = batch();
        for (DType dt : DTYPES) {
            for (int n : SIZES) {
                String label = "gru n=" + n + " " + dt;
                Storage pre = random(3 * n, -3, 3), hPrev = random(n, -1, 1);
                Storage act = Storage.onHost(DType.F64, 3 * n), resetH = Storage.onHost(DType.F64, n);
                ref.gruGatesForward(n, pre, 0, hPrev, 0, act, 0, resetH, 0);
                batch.add(label + " gates forward", command("gru_gates_forward", dt).array(as(dt, pre))
                        .array(as(dt, hPrev)).array(as(dt, Storage.onHost(DType.F64, 3 * n))), dt, 1, copy(act), resetH);

                Storage gates = as(dt, act);                       // z, r as the F32 kernel has them
                Storage actState = copy(gates), h = Storage.onHost(DType.F64, n);
                ref.gruStateForward(n, pre, 0, hPrev, 0, actState, 0, h, 0);
                batch.add(label + " state forward", command("gru_state_forward", dt).array(as(dt, pre))
                        .array(as(dt, hPrev)).array(gates), dt, 1, actState, h);

                Storage saved = as(dt, actState);
                Storage dh = random(n, -1, 1), dResetH = random(n, -1, 1), dpre0 = random(3 * n, -9, 9);
                for (int upStep : new int[] {0, 1}) {
                    Storage up = random(n, -1, 1);
                    Storage dhOut = copy(dh), dpre = copy(dpre0);
                    ref.gruStateBackward(n, copy(saved), 0, up, 0, upStep, dhOut, 0, dpre, 0);
                    batch.add(label + " state backward upStep=" + upStep, command("gru_state_backward", dt).ints(upStep)
                            .array(saved).array(as(dt, up)).array(as(dt, dh)).array(as(dt, dpre0)), dt, 1, dhOut, dpre);
                }
                Storage dhPrev = Storage.onHost(DType.F64, n), dpre = copy(dpre0);
                ref.gruGatesBackward(n, copy(saved), 0, hPrev, 0, dh, 0, dResetH, 0, dhPrev, 0, dpre, 0);
                batch.add(label + " gates backward", command("gru_gates_backward", dt).array(saved).array(as(dt, hPrev))
                        .array(as(dt, dh)).array(as(dt, dResetH)).array(as(dt, dpre0)), dt, 1, dhPrev, dpre);
            }
        }
        batch.check(driver());
    }

    /** (T, d) around the block widths; masks none, random, and one row dropped entirely; gα absent or given. */
    @Test
    void attentionPoolingAgainstTheComposition() throws Exception {
        Batch batch = batch();
        int b = 3;
        for (DType dt : DTYPES) {
            for (int[] shape : new int[][] {{1, 1}, {3, 33}, {33, 3}, {130, 5}}) {
                int steps = shape[0], d = shape[1];
                for (int maskKind = 0; maskKind < 2; maskKind++) {
                    Storage x = random(b * steps * d, -1, 1), h = random(b * d, -1, 1);
                    Storage mask = maskKind == 0 ? null : mask(b, steps);
                    Storage alpha = Storage.onHost(DType.F64, b * steps), c = Storage.onHost(DType.F64, b * d);
                    ref.attentionPoolForward(b, steps, d, x, h, mask, alpha, c);
                    double scale = dt == DType.F32 ? 1 + d : 1;   // an F32 score is a sum of d products
                    String label = "attention T=" + steps + " d=" + d + (mask == null ? "" : " masked") + " " + dt;
                    Storage none = Storage.onHost(dt, 0);
                    batch.add(label + " forward", command("attention_forward", dt).ints(b, steps, d).array(as(dt, x))
                            .array(as(dt, h)).array(mask == null ? none : as(dt, mask)), dt, scale, alpha, c);
                    for (boolean withGAlpha : new boolean[] {false, true}) {
                        Storage gAlpha = withGAlpha ? random(b * steps, -1, 1) : null, gc = random(b * d, -1, 1);
                        Storage de = Storage.onHost(DType.F64, b * steps), dx = Storage.onHost(DType.F64, x.length());
                        Storage dh = Storage.onHost(DType.F64, b * d);
                        Storage alphaIn = as(dt, alpha);
                        ref.attentionPoolBackward(b, steps, d, x, h, copy(alphaIn), gAlpha, gc, de, dx, dh);
                        batch.add(label + (withGAlpha ? " with gα" : "") + " backward", command("attention_backward", dt)
                                .ints(b, steps, d).array(as(dt, x)).array(as(dt, h)).array(alphaIn)
                                .array(gAlpha == null ? none : as(dt, gAlpha)).array(as(dt, gc)), dt,
                                scale * (1 + steps), de, dx, dh);
                    }
                }
            }
        }
        batch.check(driver());
    }

    /** 1 keep, 0 drop: row 1 dropped entirely, the others random with at least one kept position. */
    private Storage mask(int b, int steps) {
        Storage m = Storage.onHost(DType.F64, b * steps);
        for (int r = 0; r < b; r++) {
            if (r == 1) {
                continue;
            }
            for (int t = 0; t < steps; t++) {
                m.set(r * steps + t, random.nextInt(3) == 0 ? 0 : 1);
            }
            m.set(r * steps + random.nextInt(steps), 1);
        }
        return m;
    }
}
