package jgrad.nn.layers;

import jgrad.autograd.Autograd;
import jgrad.backend.BinaryOp;
import jgrad.backend.UnaryOp;
import jgrad.tensor.Storage;
import jgrad.tensor.Tensor;

/**
 * The GRU over a whole sequence as one recorded op with a hand-written BPTT. Gate rows are z, r, h̃
 * ([3H, B] per step): one GEMM [W_hz; W_hr] h_{t−1} for both gates, one σ over their block, then
 * W_hh (r ⊙ h_{t−1}) and tanh for the candidate, and h_t = h̃ + z ⊙ (h_{t−1} − h̃).
 * Back, from dh = ∂L/∂h_t: dz = dh (h_{t−1} − h̃); dh̃ = dh (1 − z); d(r⊙h) = W_hhᵀ dpre_h̃;
 * dr = d(r⊙h) h_{t−1}; dh_{t−1} = dh z + d(r⊙h) r + [W_hz; W_hr]ᵀ dpre_zr.
 */
final class GruKernel extends SequenceKernel {

    /** Saved for backward: pre-activations and activations [T, 3H, B], and r ⊙ h_{t−1} [T, H, B]. */
    private Tensor pre;
    private Tensor act;
    private Tensor resetH;
    private final Tensor one;

    private GruKernel(Tensor x, int hidden) {
        super(x, hidden, 3 * hidden);
        one = Tensor.scalar(x.dtype(), 1);
    }

    /** h after every step [B, T, H] from x [B, T, in], W_x [3H, in], W_h [3H, H], b [3H], h0 [B, H]. */
    static Tensor run(Tensor x, Tensor wx, Tensor wh, Tensor b, Tensor h0) {
        GruKernel k = new GruKernel(x, h0.shape(1));
        Tensor out;
        try (var ignored = Autograd.noGrad()) {
            out = k.forward(x.detach().contiguous(), wx.detach().contiguous(), wh.detach().contiguous(),
                    b.detach(), h0.detach());
        }
        return out.recordedAs("gru", g -> {
            try (var ignored = Autograd.noGrad()) {
                return k.backward(g.contiguous(), x.requiresGrad());
            }
        }, x, wx, wh, b, h0);
    }

    private Tensor forward(Tensor x, Tensor wx, Tensor wh, Tensor b, Tensor h0) {
        pre = start(x, wx, wh, b, h0);
        act = Tensor.zeros(dtype, steps, gates, batch);
        resetH = Tensor.zeros(dtype, steps, hidden, batch);
        Storage p = pre.storage(), a = act.storage(), h = hs.storage(), rh = resetH.storage();
        Storage tmp = Tensor.zeros(dtype, hidden, batch).storage();
        for (int t = 0; t < steps; t++) {
            int g = t * gb;
            int cand = g + 2 * hb;
            be.gemm(false, false, 2 * hidden, batch, hidden, wh.storage(), 0, hidden, h, t * hb, batch, 1, p, g, batch);
            be.unary(UnaryOp.SIGMOID, 2 * hb, p, g, a, g, 0);
            be.binary(BinaryOp.MUL, hb, a, g + hb, 1, h, t * hb, 1, rh, t * hb);
            be.gemm(false, false, hidden, batch, hidden, wh.storage(), 2 * hidden * hidden, hidden, rh, t * hb, batch,
                    1, p, cand, batch);
            be.unary(UnaryOp.TANH, hb, p, cand, a, cand, 0);
            be.binary(BinaryOp.SUB, hb, h, t * hb, 1, a, cand, 1, tmp, 0);                  // h_{t−1} − h̃
            be.binary(BinaryOp.MUL, hb, a, g, 1, tmp, 0, 1, tmp, 0);
            be.binary(BinaryOp.ADD, hb, a, cand, 1, tmp, 0, 1, h, (t + 1) * hb);
        }
        Tensor out = Tensor.zeros(dtype, batch, steps, hidden);
        writeBatchFirst(hs, 1, out, 0);
        return out;
    }

    /** Gradients of x, W_x, W_h, b, h0 from the gradient g [B, T, H] of every h_t. */
    private Tensor[] backward(Tensor g, boolean needX) {
        Tensor gh = toTimeMajor(g, 0);
        Tensor dpre = Tensor.zeros(dtype, steps, gates, batch);
        Tensor dh = Tensor.zeros(dtype, hidden, batch);
        Tensor dhPrev = Tensor.zeros(dtype, hidden, batch);
        Storage dAct = Tensor.zeros(dtype, 2 * hidden, batch).storage();
        Storage tmp = Tensor.zeros(dtype, hidden, batch).storage();
        Storage dResetH = Tensor.zeros(dtype, hidden, batch).storage();
        for (int t = steps - 1; t >= 0; t--) {
            be.binary(BinaryOp.ADD, hb, gh.storage(), t * hb, 1, dh.storage(), 0, 1, dh.storage(), 0);
            stepBackward(t, dh.storage(), dhPrev.storage(), dAct, tmp, dResetH, dpre.storage());
            Tensor swap = dh;
            dh = dhPrev;
            dhPrev = swap;
        }
        return new Tensor[] {needX ? inputGrad(dpre) : null, inputWeightGrad(dpre), recurrentWeightGrad(dpre),
                biasGrad(dpre), batchFirst(dh)};
    }

    /** From dh = ∂L/∂h_t to dpre_t, writing ∂L/∂h_{t−1} into dhPrev. */
    private void stepBackward(int t, Storage dh, Storage dhPrev, Storage dAct, Storage tmp, Storage dResetH, Storage dpre) {
        Storage a = act.storage(), h = hs.storage();
        int g = t * gb;
        int cand = g + 2 * hb;
        be.binary(BinaryOp.SUB, hb, h, t * hb, 1, a, cand, 1, tmp, 0);
        be.binary(BinaryOp.MUL, hb, dh, 0, 1, tmp, 0, 1, dAct, 0);                              // dz
        be.binary(BinaryOp.SUB, hb, one.storage(), 0, 0, a, g, 1, tmp, 0);
        be.binary(BinaryOp.MUL, hb, dh, 0, 1, tmp, 0, 1, tmp, 0);                                // dh̃
        be.unaryBackward(UnaryOp.TANH, hb, pre.storage(), cand, a, cand, tmp, 0, dpre, cand, 0);
        be.gemm(true, false, hidden, batch, hidden, wh.storage(), 2 * hidden * hidden, hidden, dpre, cand, batch,
                0, dResetH, 0, batch);
        be.binary(BinaryOp.MUL, hb, dResetH, 0, 1, h, t * hb, 1, dAct, hb);                      // dr
        be.binary(BinaryOp.MUL, hb, dh, 0, 1, a, g, 1, dhPrev, 0);
        be.binary(BinaryOp.MUL, hb, dResetH, 0, 1, a, g + hb, 1, tmp, 0);
        be.binary(BinaryOp.ADD, hb, dhPrev, 0, 1, tmp, 0, 1, dhPrev, 0);
        be.unaryBackward(UnaryOp.SIGMOID, 2 * hb, pre.storage(), g, a, g, dAct, 0, dpre, g, 0);
        be.gemm(true, false, hidden, batch, 2 * hidden, wh.storage(), 0, hidden, dpre, g, batch, 1, dhPrev, 0, batch);
    }

    /** dW_h: Σ_t dpre_zr h_{t−1}ᵀ for the gate rows, Σ_t dpre_h̃ (r ⊙ h_{t−1})ᵀ for the candidate rows. */
    private Tensor recurrentWeightGrad(Tensor dpre) {
        Tensor dw = Tensor.zeros(dtype, gates, hidden);
        for (int t = 0; t < steps; t++) {
            be.gemm(false, true, 2 * hidden, hidden, batch, dpre.storage(), t * gb, batch, hs.storage(), t * hb, batch,
                    1, dw.storage(), 0, hidden);
            be.gemm(false, true, hidden, hidden, batch, dpre.storage(), t * gb + 2 * hb, batch, resetH.storage(), t * hb,
                    batch, 1, dw.storage(), 2 * hidden * hidden, hidden);
        }
        return dw;
    }
}
