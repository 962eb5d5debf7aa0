package jgrad.nn.layers;

import jgrad.autograd.Autograd;
import jgrad.backend.BinaryOp;
import jgrad.backend.UnaryOp;
import jgrad.tensor.Tensor;

/**
 * The recurrence of the simple RNN, h_t = σ(W_xh x_t + W_hh h_{t−1} + b_h), over a whole sequence as
 * one recorded op with a hand-written BPTT: per step one GEMM and one σ over the [H, B] block; back,
 * dpre_t = (∂L/∂h_t + W_hhᵀ dpre_{t+1}) ⊙ σ'(pre_t). A composition of per-step ops would pay, in
 * its backward, a full-size gradient for every step's slice of the input (quadratic in T).
 */
final class RnnKernel extends SequenceKernel {

    private final UnaryOp sigma;
    private Tensor pre;

    private RnnKernel(Tensor x, int hidden, UnaryOp sigma) {
        super(x, hidden, hidden);
        this.sigma = sigma;
    }

    /** h after every step [B, T, H] from x [B, T, in], W_xh [H, in], W_hh [H, H], b_h [H], h0 [B, H]. */
    static Tensor run(UnaryOp sigma, Tensor x, Tensor wx, Tensor wh, Tensor b, Tensor h0) {
        RnnKernel k = new RnnKernel(x, h0.shape(1), sigma);
        Tensor out;
        try (var ignored = Autograd.noGrad()) {
            out = k.forward(x.detach().contiguous(), wx.detach().contiguous(), wh.detach().contiguous(),
                    b.detach(), h0.detach());
        }
        return out.recordedAs("rnn", g -> {
            try (var ignored = Autograd.noGrad()) {
                return k.backward(g.contiguous(), x.requiresGrad());
            }
        }, x, wx, wh, b, h0);
    }

    private Tensor forward(Tensor x, Tensor wx, Tensor wh, Tensor b, Tensor h0) {
        pre = start(x, wx, wh, b, h0);
        for (int t = 0; t < steps; t++) {
            addRecurrentPart(pre, t);
            be.unary(sigma, hb, pre.storage(), t * gb, hs.storage(), (t + 1) * hb, 0);
        }
        Tensor out = Tensor.zeros(dtype, batch, steps, hidden);
        writeBatchFirst(hs, 1, out, 0);
        return out;
    }

    /** Gradients of x, W_xh, W_hh, b_h, h0 from the gradient g [B, T, H] of every h_t. */
    private Tensor[] backward(Tensor g, boolean needX) {
        Tensor gh = toTimeMajor(g, 0);
        Tensor dpre = Tensor.zeros(dtype, steps, gates, batch);
        Tensor dh = Tensor.zeros(dtype, hidden, batch);
        for (int t = steps - 1; t >= 0; t--) {
            be.binary(BinaryOp.ADD, hb, gh.storage(), t * hb, 1, dh.storage(), 0, 1, dh.storage(), 0);
            be.unaryBackward(sigma, hb, pre.storage(), t * gb, hs.storage(), (t + 1) * hb, dh.storage(), 0,
                    dpre.storage(), t * gb, 0);
            recurrentGrad(dpre, t, dh);
        }
        Tensor[] shared = sharedGrads(dpre, needX);
        return new Tensor[] {shared[0], shared[1], shared[2], shared[3], batchFirst(dh)};
    }
}
