package jgrad.kernels;

import jgrad.backend.UnaryOp;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * The recurrence of the simple RNN, h_t = σ(W_xh x_t + W_hh h_{t−1} + b_h), over a whole sequence as
 * one recorded op with a hand-written BPTT: per step one GEMM and σ over each row
 * ({@link jgrad.backend.Backend#rnnStepForward}); back, dpre_t = (∂L/∂h_t + dpre_{t+1} W_hh) ⊙ σ'(pre_t)
 * ({@link jgrad.backend.Backend#rnnStepBackward}). A composition of per-step ops would pay, in its
 * backward, a gradient op for every step's slice of the input and output.
 */
public final class RnnKernel extends SequenceKernel {

    private final UnaryOp sigma;

    private RnnKernel(Workspace.Pool pool, Tensor x, int hidden, UnaryOp sigma) {
        super(pool, x, hidden, hidden);
        this.sigma = sigma;
    }

    /** h after every step [B, T, H] from x [B, T, in], W_xh [H, in], W_hh [H, H], b_h [H], h0 [B, H]. */
    public static Tensor run(Workspace.Pool pool, UnaryOp sigma, Tensor x, Tensor wx, Tensor wh, Tensor b, Tensor h0) {
        RnnKernel k = new RnnKernel(pool, x, h0.shape(1), sigma);
        Tensor[] wxs = {wx}, whs = {wh}, bs = {b};
        return k.record("rnn", k.forward(x, wxs, whs, bs, h0), inputs(x, wxs, whs, bs, h0));
    }

    private Tensor forward(Tensor x, Tensor[] wx, Tensor[] wh, Tensor[] b, Tensor h0) {
        start(x, wx, wh, b, h0);
        out = Tensor.zeros(device, dtype, batch, steps, hidden);
        StepWeight w = forwardWeight("W_h.forward", 0, gates);
        overBatch((lo, hi) -> {
            for (int t = 0; t < steps; t++) {
                addRecurrent(t, hx, w, lo, hi);
                for (int b0 = lo; b0 < hi; b0++) {
                    int r = b0 * steps + t;
                    be.rnnStepForward(sigma, 0, hidden, pre.storage(), r * gates, out.storage(), r * hidden);
                    keepForNextStep(b0, t, out.storage(), r * hidden);
                }
            }
        });
        return out;
    }

    /** Gradients of x, W_xh, W_hh, b_h, h0 from the gradient g [B, T, H] of every h_t. */
    @Override
    public Tensor[] apply(Tensor g) {
        Upstream up = Upstream.of(g);
        Tensor dpre = ws.get("dpre", dtype, batch, steps, gates);
        Tensor dh = ws.zeros("dh", dtype, batch, hidden);
        Storage d = dh.storage();
        StepWeight w = backwardWeight("W_h.backward", 0, gates);
        overBatch((lo, hi) -> {
            for (int t = steps - 1; t >= 0; t--) {
                for (int b = lo; b < hi; b++) {
                    int r = b * steps + t;
                    int s = b * hidden;
                    be.rnnStepBackward(sigma, 0, hidden, pre.storage(), r * gates, out.storage(), r * hidden,
                            up.storage(), up.at(r * hidden), up.step(), d, s, dpre.storage(), r * gates);
                }
                recurrentGrad(dpre, t, w, dh, false, lo, hi);
            }
        });
        return grads(dpre, weightGradT(dpre), 1, copyOut(dh));
    }
}
