package jgrad.kernels;

import jgrad.backend.BinaryOp;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * The fused LSTM over a whole sequence, one recorded op with a hand-written backward (BPTT).
 *
 * <p>The four gates of a step come from one GEMM over the stacked weights W_h = [W_hf; W_hi; W_ho; W_hc]
 * [4H, H] (the input part W_x x_t + b of every step is one GEMM before the loop, as it does not depend
 * on h). Each row (b, t) of the gates holds f, i, o, c̃ side by side, so σ runs once over f, i, o and
 * tanh once over c̃. Back, only dh_{t−1} = dpre_t W_h is sequential; the weight gradients are GEMMs
 * over the saved pre-activations ({@link SequenceKernel}).
 */
public final class LstmKernel extends SequenceKernel {

    /** Saved for backward (besides the output): gate activations [B, T, 4H], tanh(c_t) [B, T, H], c0 [B, H]. */
    private Tensor act;
    private Tensor tanhC;
    private Tensor c0;

    private LstmKernel(Workspace.Pool pool, Tensor x, int hidden) {
        super(pool, x, hidden, 4 * hidden);
    }

    /**
     * h and c after every step, stacked as [2B, T, H] (rows [0, B): h, [B, 2B): c), from x [B, T, in],
     * the gates' W_x [H, in], W_h [H, H] and b [H] in the order f, i, o, c̃, and h0, c0 [B, H].
     */
    public static Tensor run(Workspace.Pool pool, Tensor x, Tensor[] wx, Tensor[] wh, Tensor[] b, Tensor h0, Tensor c0) {
        LstmKernel k = new LstmKernel(pool, x, h0.shape(1));
        return k.record("lstm", k.forward(x, wx, wh, b, h0, c0), inputs(x, wx, wh, b, h0, c0));
    }

    private Tensor forward(Tensor x, Tensor[] wx, Tensor[] wh, Tensor[] b, Tensor h0, Tensor c0) {
        start(x, wx, wh, b, h0);
        this.c0 = c0.detach().contiguous();
        act = ws.get("act", dtype, batch, steps, gates);
        tanhC = ws.get("tanhC", dtype, batch, steps, hidden);
        out = Tensor.zeros(device, dtype, 2 * batch, steps, hidden);
        StepWeight w = forwardWeight("W_h.forward", 0, gates);
        overBatch((lo, hi) -> {
            for (int t = 0; t < steps; t++) {
                addRecurrent(t, hx, w, lo, hi);
                for (int b0 = lo; b0 < hi; b0++) {
                    cellForward(b0, t);
                }
            }
        });
        return out;
    }

    /** For row (b, t), after the GEMM: the gates, c_t = f ⊙ c_{t−1} + i ⊙ c̃ and h_t = o ⊙ tanh(c_t). */
    private void cellForward(int b, int t) {
        int r = b * steps + t;
        int g = r * gates;
        int h = r * hidden;
        int c = (rows + r) * hidden;
        Storage o = out.storage();
        be.lstmStepForward(hidden, pre.storage(), g, previousCStorage(t), previousC(b, t), act.storage(), g,
                o, c, tanhC.storage(), h, o, h);
        keepForNextStep(b, t, o, h);
    }

    /** c_{t−1} of sequence b: c0 at t = 0, else the output's c at step t − 1. */
    private Storage previousCStorage(int t) {
        return t == 0 ? c0.storage() : out.storage();
    }

    private int previousC(int b, int t) {
        return t == 0 ? c0.offset() + b * hidden : (rows + b * steps + t - 1) * hidden;
    }

    /** Gradients of x, the gates' W_x, W_h, b, then h0, c0, from the gradient g [2B, T, H] of the outputs. */
    @Override
    public Tensor[] apply(Tensor g) {
        Upstream up = Upstream.of(g);
        Tensor dpre = ws.get("dpre", dtype, batch, steps, gates);
        Tensor dh = ws.zeros("dh", dtype, batch, hidden);
        Tensor dc = ws.zeros("dc", dtype, batch, hidden);
        StepWeight w = backwardWeight("W_h.backward", 0, gates);
        overBatch((lo, hi) -> {
            for (int t = steps - 1; t >= 0; t--) {
                for (int b = lo; b < hi; b++) {
                    cellBackward(b, t, up, dh.storage(), dc.storage(), dpre.storage());
                }
                recurrentGrad(dpre, t, w, dh, false, lo, hi);
            }
        });
        return grads(dpre, weightGradT(dpre), 4, copyOut(dh), copyOut(dc));
    }

    /**
     * One step back for row (b, t): adds the output's gradient to dh = ∂L/∂h_t and dc = ∂L/∂c_t, writes
     * dpre of the row and leaves ∂L/∂c_{t−1} in dc ({@link jgrad.backend.Backend#lstmStepBackward}).
     */
    private void cellBackward(int b, int t, Upstream up, Storage dh, Storage dc, Storage dpre) {
        int r = b * steps + t;
        int g = r * gates;
        int h = r * hidden;
        int s = b * hidden;
        be.binary(BinaryOp.ADD, hidden, up.storage(), up.at(h), up.step(), dh, s, 1, dh, s);
        be.binary(BinaryOp.ADD, hidden, up.storage(), up.at((rows + r) * hidden), up.step(), dc, s, 1, dc, s);
        be.lstmStepBackward(hidden, act.storage(), g, previousCStorage(t), previousC(b, t), tanhC.storage(), h,
                dh, s, dc, s, dpre, g);
    }
}
