package jgrad.cuda.emu;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import jgrad.nn.layers.Attention;
import jgrad.nn.layers.Lstm;
import jgrad.backend.DType;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The layer kernels (lstm.cu, attention.cu), compiled for the host through cuda_host_emu.h, against
 * the engine's own layers run in F64: {@link Lstm} (its fused forward and hand-written BPTT) for one
 * step, and dot-score {@link Attention} with and without a mask, through autograd. F32 kernels are
 * compared with the same F64 reference at float tolerance.
 */
class EmulatedLayerKernelsTest extends EmulatedKernelFixture {

    private static final int[] LSTM_SIZES = {1, 3, 33};

    private final Random random = new Random(20260601);

    EmulatedLayerKernelsTest() {
        super(new int[][] {{1, 32}, {3, 32}, {2, 64}, {1, 128}});
    }

    /** An F64 tensor of values in [−r, r), exact in F32 too so both dtypes get the same inputs. */
    private Tensor random(double r, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * r);
        }
        return Tensor.of(v, shape);
    }

    /** The tensor's elements in row-major order, as a storage of the kernel's dtype. */
    private static Storage store(DType dt, Tensor t) {
        Tensor c = t.contiguous();
        Storage s = Storage.onHost(dt, c.numel());
        for (int i = 0; i < s.length(); i++) {
            s.set(i, c.storage().get(c.offset() + i));
        }
        return s;
    }

    /** [rows, cols] of a [B, ·] tensor seen as [B, cols], transposed: the kernels' [·, B] layout. */
    private static Tensor batchLast(Tensor t, int rows, int cols) {
        return t.reshape(rows, cols).t();
    }

    /**
     * One step of {@link Lstm} (F64) from h0, c0 with upstream gradients on h_1 and c_1. W_x is the
     * identity (in = 4H), so the engine's ∂L/∂x is exactly ∂L/∂pre, per gate and batch element; W_h
     * and b are random, so pre = x + W_h h0 + b, and ∂L/∂c0 is the kernel's dc_{t−1}.
     */
    @Test
    void lstmStepAgainstTheEngineLstm() throws Exception {
        Batch batch = batch();
        for (DType dt : DTYPES) {
            for (int b : LSTM_SIZES) {
                for (int hidden : LSTM_SIZES) {
                    addLstmStep(batch, dt, b, hidden);
                }
            }
        }
        batch.check(driver());
    }

    private void addLstmStep(Batch batch, DType dt, int b, int hidden) {
        int g = 4 * hidden;
        Map<String, Tensor> w = new HashMap<>();
        String[] gates = {"f", "i", "o", "c"};
        Tensor[] wh = new Tensor[4];
        Tensor[] bias = new Tensor[4];
        for (int k = 0; k < 4; k++) {
            double[] eye = new double[hidden * g];
            for (int j = 0; j < hidden; j++) {
                eye[j * g + k * hidden + j] = 1;
            }
            w.put("W_x" + gates[k], Tensor.of(eye, hidden, g));
            wh[k] = random(1.0 / Math.sqrt(hidden), hidden, hidden);
            bias[k] = random(0.5, hidden);
            w.put("W_h" + gates[k], wh[k]);
            w.put("b_" + gates[k], bias[k]);
        }
        Tensor x = random(2.5, b, 1, g).requiresGrad(true);
        Tensor h0 = random(1, b, hidden);
        Tensor c0 = random(2, b, hidden).requiresGrad(true);
        Lstm lstm = new Lstm(g, hidden, true, DType.F64, new Random(1));
        Lstm.Output out = lstm.forward(w, x, h0, c0);
        Tensor gh = random(1, b, 1, hidden);
        Tensor gc = random(1, b, 1, hidden);
        out.h().mul(gh).sum().add(out.c().mul(gc).sum()).backward();

        Tensor pre = x.detach().reshape(b, g).add(h0.matmul(Tensor.concat(0, wh), false, true))
                .add(Tensor.concat(0, bias));
        Tensor preT = pre.t().contiguous();  // [4H, B]: the gate blocks f, i, o, c̃, each [H, B]
        Tensor act = Tensor.concat(0, preT.narrow(0, 0, 3 * hidden).sigmoid(), preT.narrow(0, 3 * hidden, hidden).tanh());
        Tensor c1 = batchLast(out.c().detach(), b, hidden);
        Tensor tanhC = c1.tanh();
        String label = "lstm step B=" + b + " H=" + hidden + " " + dt;
        batch.add(label + " forward", command("lstm_step_forward", dt).array(store(dt, preT))
                .array(store(dt, c0.detach().t())), dt, 1, store(DType.F64, act), store(DType.F64, c1),
                store(DType.F64, tanhC), store(DType.F64, batchLast(out.h().detach(), b, hidden)));
        batch.add(label + " backward", command("lstm_step_backward", dt).array(store(dt, act))
                .array(store(dt, c0.detach().t())).array(store(dt, tanhC)).array(store(dt, batchLast(gh, b, hidden)))
                .array(store(dt, batchLast(gc, b, hidden))), dt, 1,
                store(DType.F64, batchLast(x.grad(), b, g)), store(DType.F64, c0.grad().t()));
    }

    private enum Mask { NONE, SOME, ALL_DROPPED }

    /** (T, d): one position, and T below, between and above the block widths (32 … 128 threads). */
    private static final int[][] ATTENTION_SHAPES = {{1, 1}, {3, 33}, {33, 3}, {130, 5}};

    /**
     * Dot attention against {@link Attention} (F64): α, c, and through autograd ∂L/∂x, ∂L/∂h for
     * L = Σ gα ⊙ α + Σ gc ⊙ c (gα absent in every other case, as when only c is used). The score
     * gradient the kernel also returns is checked against the softmax backward written out from the
     * engine's α. Masks: none, random with row 1 fully dropped, everything dropped.
     */
    @Test
    void attentionPoolingAgainstTheEngineAttention() throws Exception {
        Batch batch = batch();
        int cases = 0;
        for (DType dt : DTYPES) {
            for (int b : new int[] {1, 3}) {
                for (int[] shape : ATTENTION_SHAPES) {
                    for (Mask mask : Mask.values()) {
                        addAttention(batch, dt, b, shape[0], shape[1], mask, cases++ % 2 == 0);
                    }
                }
            }
        }
        batch.check(driver());
    }

    private void addAttention(Batch batch, DType dt, int b, int steps, int d, Mask maskKind, boolean withGAlpha) {
        Tensor x = random(1, b, steps, d).requiresGrad(true);
        Tensor h = random(1, b, d).requiresGrad(true);
        Tensor mask = maskKind == Mask.NONE ? null : maskOf(maskKind, b, steps);
        Attention.Output out = new Attention(Attention.Score.DOT, d, d, 0, DType.F64, null).forward(x, h, mask);
        Tensor gAlpha = withGAlpha ? random(1, b, steps) : null;
        Tensor gc = random(1, b, d);
        Tensor loss = out.c().mul(gc).sum();
        if (gAlpha != null) {
            loss = loss.add(out.alpha().mul(gAlpha).sum());
        }
        loss.backward();

        Tensor alpha = out.alpha().detach();
        Tensor dAlpha = x.detach().matmul(gc.unsqueeze(2)).squeeze(2);  // gc · x_t
        if (gAlpha != null) {
            dAlpha = dAlpha.add(gAlpha);
        }
        Tensor de = alpha.mul(dAlpha.sub(alpha.mul(dAlpha).sum(1, true)));

        double scale = dt == DType.F32 ? 1 + d : 1;  // an F32 score is a sum of d products
        String label = "attention B=" + b + " T=" + steps + " d=" + d + " mask " + maskKind
                + (withGAlpha ? " with gα " : " ") + dt;
        Storage none = Storage.onHost(dt, 0);
        batch.add(label + " forward", command("attention_forward", dt).ints(b, steps, d).array(store(dt, x.detach()))
                .array(store(dt, h.detach())).array(mask == null ? none : store(dt, mask)), dt, scale,
                store(DType.F64, alpha), store(DType.F64, out.c().detach()));
        batch.add(label + " backward", command("attention_backward", dt).ints(b, steps, d)
                .array(store(dt, x.detach())).array(store(dt, h.detach())).array(store(dt, alpha))
                .array(gAlpha == null ? none : store(dt, gAlpha)).array(store(dt, gc)), dt, scale * (1 + steps),
                store(DType.F64, de), store(DType.F64, x.grad()), store(DType.F64, h.grad()));
    }

    /** 1 keep, 0 drop. SOME: random with at least one kept position per row, except row 1 all dropped. */
    private Tensor maskOf(Mask kind, int b, int steps) {
        double[] m = new double[b * steps];
        if (kind == Mask.SOME) {
            for (int r = 0; r < b; r++) {
                if (r == 1) {
                    continue;
                }
                for (int t = 0; t < steps; t++) {
                    m[r * steps + t] = random.nextInt(3) == 0 ? 0 : 1;
                }
                m[r * steps + random.nextInt(steps)] = 1;
            }
        }
        return Tensor.of(m, b, steps);
    }
}
