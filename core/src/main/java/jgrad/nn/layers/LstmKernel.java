package jgrad.nn.layers;

import jgrad.autograd.Autograd;
import jgrad.backend.BinaryOp;
import jgrad.backend.UnaryOp;
import jgrad.tensor.Storage;
import jgrad.tensor.Tensor;

/**
 * The fused LSTM over a whole sequence, one recorded op with a hand-written backward (BPTT).
 *
 * <p>The four gates come from one GEMM per step over the stacked weights W_h = [W_hf; W_hi; W_ho; W_hc]
 * [4H, H] (the input part W_x x_t + b of every step is computed before the loop, as it does not
 * depend on h). With the state kept as [H, B], σ runs once over the f, i, o blocks of the whole
 * batch and tanh once over the c̃ block. In the backward only dh_{t−1} = W_hᵀ dpre_t is sequential;
 * the weight gradients are GEMMs over the saved pre-activations ({@link SequenceKernel}).
 */
final class LstmKernel extends SequenceKernel {

    /** Saved for backward, per step: pre-activations and activations [T, 4H, B], c_0 … c_T, tanh(c_t). */
    private Tensor pre;
    private Tensor act;
    private Tensor cs;
    private Tensor tanhC;

    private LstmKernel(Tensor x, int hidden) {
        super(x, hidden, 4 * hidden);
    }

    /**
     * h and c after every step, stacked as [2, B, T, H] (index 0: h, 1: c), from x [B, T, in],
     * W_x [4H, in], W_h [4H, H], b [4H], h0 and c0 [B, H]; gate order f, i, o, c̃.
     */
    static Tensor run(Tensor x, Tensor wx, Tensor wh, Tensor b, Tensor h0, Tensor c0) {
        LstmKernel k = new LstmKernel(x, h0.shape(1));
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
        pre = start(x, wx, wh, b, h0);
        act = Tensor.zeros(dtype, steps, gates, batch);
        cs = Tensor.zeros(dtype, steps + 1, hidden, batch);
        tanhC = Tensor.zeros(dtype, steps, hidden, batch);
        transposeInto(c0, cs.storage(), 0);
        Storage iTimesCand = Tensor.zeros(dtype, hidden, batch).storage();
        Storage p = pre.storage(), a = act.storage(), h = hs.storage(), c = cs.storage(), tc = tanhC.storage();
        for (int t = 0; t < steps; t++) {
            int g = t * gb;
            int now = (t + 1) * hb;
            addRecurrentPart(pre, t);
            be.unary(UnaryOp.SIGMOID, 3 * hb, p, g, a, g, 0);
            be.unary(UnaryOp.TANH, hb, p, g + 3 * hb, a, g + 3 * hb, 0);
            be.binary(BinaryOp.MUL, hb, a, g, 1, c, t * hb, 1, c, now);                      // f ⊙ c_{t−1}
            be.binary(BinaryOp.MUL, hb, a, g + hb, 1, a, g + 3 * hb, 1, iTimesCand, 0);      // i ⊙ c̃
            be.binary(BinaryOp.ADD, hb, c, now, 1, iTimesCand, 0, 1, c, now);
            be.unary(UnaryOp.TANH, hb, c, now, tc, t * hb, 0);
            be.binary(BinaryOp.MUL, hb, a, g + 2 * hb, 1, tc, t * hb, 1, h, now);            // o ⊙ tanh(c_t)
        }
        Tensor out = Tensor.zeros(dtype, 2, batch, steps, hidden);
        writeBatchFirst(hs, 1, out, 0);
        writeBatchFirst(cs, 1, out, batch * steps * hidden);
        return out;
    }

    /** Gradients of x, W_x, W_h, b, h0, c0 from the gradient g [2, B, T, H] of the outputs. */
    private Tensor[] backward(Tensor g, boolean needX) {
        Tensor gh = toTimeMajor(g, 0);
        Tensor gc = toTimeMajor(g, batch * steps * hidden);
        Tensor dpre = Tensor.zeros(dtype, steps, gates, batch);
        Tensor dh = Tensor.zeros(dtype, hidden, batch);
        Tensor dc = Tensor.zeros(dtype, hidden, batch);
        Storage dAct = Tensor.zeros(dtype, gates, batch).storage();
        Storage tmp = Tensor.zeros(dtype, hidden, batch).storage();
        Storage tmp2 = Tensor.zeros(dtype, hidden, batch).storage();
        for (int t = steps - 1; t >= 0; t--) {
            be.binary(BinaryOp.ADD, hb, gh.storage(), t * hb, 1, dh.storage(), 0, 1, dh.storage(), 0);
            be.binary(BinaryOp.ADD, hb, gc.storage(), t * hb, 1, dc.storage(), 0, 1, dc.storage(), 0);
            stepBackward(t, dh.storage(), dc.storage(), dAct, tmp, tmp2, dpre.storage());
            recurrentGrad(dpre, t, dh);
        }
        Tensor[] shared = sharedGrads(dpre, needX);
        return new Tensor[] {shared[0], shared[1], shared[2], shared[3], batchFirst(dh), batchFirst(dc)};
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
}
