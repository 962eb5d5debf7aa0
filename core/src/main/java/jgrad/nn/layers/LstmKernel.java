package jgrad.nn.layers;

import jgrad.autograd.Autograd;
import jgrad.backend.Backend;
import jgrad.backend.Backends;
import jgrad.backend.BinaryOp;
import jgrad.backend.ReduceOp;
import jgrad.backend.UnaryOp;
import jgrad.tensor.DType;
import jgrad.tensor.Storage;
import jgrad.tensor.Tensor;

/**
 * The fused LSTM over a whole sequence, one recorded op with a hand-written backward (BPTT).
 *
 * <p>The four gates come from one GEMM per step over the stacked weights W_h = [W_hf; W_hi; W_ho; W_hc]
 * [4H, H] (the input part W_x x_t + b of every step is computed before the loop, as it does not
 * depend on h). State is kept transposed, [H, B] per step, so that each gate of the whole batch is
 * one contiguous block: σ runs once over the f, i, o blocks and tanh once over the c̃ block.
 * In the backward, the gradients of the weights are summed with GEMMs over the saved
 * pre-activations after the loop; only dh_{t−1} = W_hᵀ dpre_t is sequential.
 * Saving everything per step costs O(T·B·H) memory, as any BPTT does.
 */
final class LstmKernel {

    private final Backend be = Backends.current();
    private final DType dtype;
    private final int batch;
    private final int steps;
    private final int in;
    private final int hidden;
    private final int gates;
    private final int hb;
    private final int gb;

    /** Saved for backward: inputs (contiguous) and per-step pre-activations, activations and states. */
    private Tensor x;
    private Tensor wx;
    private Tensor wh;
    private Tensor pre;
    private Tensor act;
    private Tensor hs;
    private Tensor cs;
    private Tensor tanhC;

    private LstmKernel(DType dtype, int batch, int steps, int in, int hidden) {
        this.dtype = dtype;
        this.batch = batch;
        this.steps = steps;
        this.in = in;
        this.hidden = hidden;
        this.gates = 4 * hidden;
        this.hb = hidden * batch;
        this.gb = gates * batch;
    }

    /**
     * h and c after every step, stacked as [2, B, T, H] (index 0: h, 1: c), from x [B, T, in],
     * W_x [4H, in], W_h [4H, H], b [4H], h0 and c0 [B, H]; gate order f, i, o, c̃.
     */
    static Tensor run(Tensor x, Tensor wx, Tensor wh, Tensor b, Tensor h0, Tensor c0) {
        LstmKernel k = new LstmKernel(x.dtype(), x.shape(0), x.shape(1), x.shape(2), h0.shape(1));
        Tensor out;
        try (var ignored = Autograd.noGrad()) {
            out = k.forward(x.detach().contiguous(), wx.detach().contiguous(), wh.detach().contiguous(),
                    b.detach(), h0.detach(), c0.detach());
        }
        return out.recordedAs("lstm", g -> {
            try (var ignored = Autograd.noGrad()) {
                return k.backward(g.contiguous(), x.requiresGrad());
            }
        }, x, wx, wh, b, h0, c0);
    }

    private Tensor forward(Tensor x, Tensor wx, Tensor wh, Tensor b, Tensor h0, Tensor c0) {
        this.x = x;
        this.wx = wx;
        this.wh = wh;
        pre = inputPart(b);
        act = Tensor.zeros(dtype, steps, gates, batch);
        hs = Tensor.zeros(dtype, steps + 1, hidden, batch);
        cs = Tensor.zeros(dtype, steps + 1, hidden, batch);
        tanhC = Tensor.zeros(dtype, steps, hidden, batch);
        Tensor iTimesCand = Tensor.zeros(dtype, hidden, batch);
        transposeInto(h0, hs.storage());
        transposeInto(c0, cs.storage());
        Storage p = pre.storage(), a = act.storage(), h = hs.storage(), c = cs.storage(), tc = tanhC.storage();
        for (int t = 0; t < steps; t++) {
            int g = t * gb;
            be.gemm(false, false, gates, batch, hidden, wh.storage(), 0, hidden, h, t * hb, batch, 1, p, g, batch);
            be.unary(UnaryOp.SIGMOID, 3 * hb, p, g, a, g, 0);
            be.unary(UnaryOp.TANH, hb, p, g + 3 * hb, a, g + 3 * hb, 0);
            int cNow = (t + 1) * hb;
            be.binary(BinaryOp.MUL, hb, a, g, 1, c, t * hb, 1, c, cNow);                     // f ⊙ c_{t−1}
            be.binary(BinaryOp.MUL, hb, a, g + hb, 1, a, g + 3 * hb, 1, iTimesCand.storage(), 0); // i ⊙ c̃
            be.binary(BinaryOp.ADD, hb, c, cNow, 1, iTimesCand.storage(), 0, 1, c, cNow);
            be.unary(UnaryOp.TANH, hb, c, cNow, tc, t * hb, 0);
            be.binary(BinaryOp.MUL, hb, a, g + 2 * hb, 1, tc, t * hb, 1, h, cNow);            // o ⊙ tanh(c_t)
        }
        return outputs();
    }

    /** W_x x_t + b for every step, as [T, 4H, B]: the bias broadcast, then one GEMM per step added to it. */
    private Tensor inputPart(Tensor b) {
        Tensor p = b.reshape(1, gates, 1).expand(steps, gates, batch).contiguous();
        for (int t = 0; t < steps; t++) {
            be.gemm(false, true, gates, batch, in, wx.storage(), 0, in, x.storage(), t * in, steps * in,
                    1, p.storage(), t * gb, batch);
        }
        return p;
    }

    /** [2, B, T, H] from the [T, H, B] states after each step. */
    private Tensor outputs() {
        Tensor out = Tensor.zeros(dtype, 2, batch, steps, hidden);
        int[] shape = {batch, steps, hidden};
        int[] strides = {1, hb, batch};
        be.copy(shape, hs.storage(), hb, strides, out.storage(), 0);
        be.copy(shape, cs.storage(), hb, strides, out.storage(), batch * steps * hidden);
        return out;
    }

    /** Gradients of x, W_x, W_h, b, h0, c0 from the gradient g [2, B, T, H] of the outputs. */
    private Tensor[] backward(Tensor g, boolean needX) {
        Tensor gh = toTimeMajor(g, 0);
        Tensor gc = toTimeMajor(g, batch * steps * hidden);
        Tensor dpre = Tensor.zeros(dtype, steps, gates, batch);
        Tensor dh = Tensor.zeros(dtype, hidden, batch);
        Tensor dc = Tensor.zeros(dtype, hidden, batch);
        Tensor dAct = Tensor.zeros(dtype, gates, batch);
        Tensor tmp = Tensor.zeros(dtype, hidden, batch);
        Tensor tmp2 = Tensor.zeros(dtype, hidden, batch);
        for (int t = steps - 1; t >= 0; t--) {
            be.binary(BinaryOp.ADD, hb, gh.storage(), t * hb, 1, dh.storage(), 0, 1, dh.storage(), 0);
            be.binary(BinaryOp.ADD, hb, gc.storage(), t * hb, 1, dc.storage(), 0, 1, dc.storage(), 0);
            stepBackward(t, dh.storage(), dc.storage(), dAct.storage(), tmp.storage(), tmp2.storage(), dpre.storage());
            be.gemm(true, false, hidden, batch, gates, wh.storage(), 0, hidden, dpre.storage(), t * gb, batch,
                    0, dh.storage(), 0, batch);
        }
        return new Tensor[] {needX ? inputGrad(dpre) : null, weightGrad(dpre, x.storage(), in, steps * in, in, true),
                weightGrad(dpre, hs.storage(), hidden, batch, hb, false), biasGrad(dpre),
                dh.t().contiguous(), dc.t().contiguous()};
    }

    /**
     * One step back: from dh = ∂L/∂h_t and dc = ∂L/∂c_t (both [H, B]) to dpre_t, leaving
     * ∂L/∂c_{t−1} = dc ⊙ f in dc. With c_t = f c_{t−1} + i c̃ and h_t = o tanh(c_t):
     * do = dh tanh(c_t); dc += dh o (1 − tanh²c_t); df = dc c_{t−1}; di = dc c̃; dc̃ = dc i.
     */
    private void stepBackward(int t, Storage dh, Storage dc, Storage dAct, Storage tmp, Storage tmp2, Storage dpre) {
        Storage a = act.storage(), c = cs.storage(), tc = tanhC.storage();
        int g = t * gb;
        be.binary(BinaryOp.MUL, hb, dh, 0, 1, tc, t * hb, 1, dAct, 2 * hb);
        be.binary(BinaryOp.MUL, hb, dh, 0, 1, a, g + 2 * hb, 1, tmp, 0);
        be.unaryBackward(UnaryOp.TANH, hb, c, (t + 1) * hb, tc, t * hb, tmp, 0, tmp2, 0, 0);
        be.binary(BinaryOp.ADD, hb, dc, 0, 1, tmp2, 0, 1, dc, 0);
        be.binary(BinaryOp.MUL, hb, dc, 0, 1, c, t * hb, 1, dAct, 0);
        be.binary(BinaryOp.MUL, hb, dc, 0, 1, a, g + 3 * hb, 1, dAct, hb);
        be.binary(BinaryOp.MUL, hb, dc, 0, 1, a, g + hb, 1, dAct, 3 * hb);
        be.binary(BinaryOp.MUL, hb, dc, 0, 1, a, g, 1, dc, 0);
        be.unaryBackward(UnaryOp.SIGMOID, 3 * hb, pre.storage(), g, a, g, dAct, 0, dpre, g, 0);
        be.unaryBackward(UnaryOp.TANH, hb, pre.storage(), g + 3 * hb, a, g + 3 * hb, dAct, 3 * hb, dpre, g + 3 * hb, 0);
    }

    /** The [T, H, B] layout of the part of g [2, B, T, H] starting at {@code offset}. */
    private Tensor toTimeMajor(Tensor g, int offset) {
        Tensor out = Tensor.zeros(dtype, steps, hidden, batch);
        be.copy(new int[] {steps, hidden, batch}, g.storage(), g.offset() + offset,
                new int[] {hidden, 1, steps * hidden}, out.storage(), 0);
        return out;
    }

    /**
     * Σ_t dpre_t · v_tᵀ, [4H, cols], where v_t is step t's input to the gates: x_t (stored [B, in]
     * rows, {@code rowsMajor}) or h_{t−1} (stored [H, B]).
     */
    private Tensor weightGrad(Tensor dpre, Storage v, int cols, int ld, int stepStride, boolean rowsMajor) {
        Tensor dw = Tensor.zeros(dtype, gates, cols);
        for (int t = 0; t < steps; t++) {
            be.gemm(false, !rowsMajor, gates, cols, batch, dpre.storage(), t * gb, batch,
                    v, t * stepStride, ld, 1, dw.storage(), 0, cols);
        }
        return dw;
    }

    private Tensor biasGrad(Tensor dpre) {
        Tensor perStep = Tensor.zeros(dtype, steps, gates);
        be.reduce(ReduceOp.SUM, steps * gates, batch, 1, dpre.storage(), 0, perStep.storage(), 0);
        Tensor db = Tensor.zeros(dtype, gates);
        be.reduce(ReduceOp.SUM, 1, steps, gates, perStep.storage(), 0, db.storage(), 0);
        return db;
    }

    /** dx_t = dpre_tᵀ W_x, written into the rows of dx [B, T, in] at step t. */
    private Tensor inputGrad(Tensor dpre) {
        Tensor dx = Tensor.zeros(dtype, batch, steps, in);
        for (int t = 0; t < steps; t++) {
            be.gemm(true, false, batch, in, gates, dpre.storage(), t * gb, batch, wx.storage(), 0, in,
                    0, dx.storage(), t * in, steps * in);
        }
        return dx;
    }

    /** dst[0 .. H·B) = srcᵀ for src [B, H]. */
    private void transposeInto(Tensor src, Storage dst) {
        Tensor s = src.contiguous();
        be.copy(new int[] {hidden, batch}, s.storage(), s.offset(), new int[] {1, hidden}, dst, 0);
    }
}
