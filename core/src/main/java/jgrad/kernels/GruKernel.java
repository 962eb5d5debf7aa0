package jgrad.kernels;

import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * The GRU over a whole sequence as one recorded op with a hand-written BPTT. Each row (b, t) of the
 * gates holds z, r, h̃ ([3H]): one GEMM h_{t−1}[W_hz; W_hr]ᵀ for both gates, one σ over their part,
 * then (r ⊙ h_{t−1})W_hhᵀ and tanh for the candidate, and h_t = h̃ + z ⊙ (h_{t−1} − h̃).
 * Back, from dh = ∂L/∂h_t: dz = dh (h_{t−1} − h̃); dh̃ = dh (1 − z); d(r⊙h) = dpre_h̃ W_hh;
 * dr = d(r⊙h) h_{t−1}; dh_{t−1} = dh z + d(r⊙h) r + dpre_zr [W_hz; W_hr]. The elementwise work
 * between the GEMMs is the backend's: {@link jgrad.backend.Backend#gruGatesForward} and
 * {@link jgrad.backend.Backend#gruStateForward} forward, {@link jgrad.backend.Backend#gruStateBackward}
 * and {@link jgrad.backend.Backend#gruGatesBackward} back.
 */
public final class GruKernel extends SequenceKernel {

    /** Saved for backward (besides the output): gate activations [B, T, 3H], r ⊙ h_{t−1} [B, T, H]. */
    private Tensor act;
    private Tensor resetH;

    private GruKernel(Workspace.Pool pool, Tensor x, int hidden) {
        super(pool, x, hidden, 3 * hidden);
    }

    /** h after every step [B, T, H] from x [B, T, in], the gates' W_x, W_h, b in the order z, r, h̃, and h0 [B, H]. */
    public static Tensor run(Workspace.Pool pool, Tensor x, Tensor[] wx, Tensor[] wh, Tensor[] b, Tensor h0) {
        GruKernel k = new GruKernel(pool, x, h0.shape(1));
        return k.record("gru", k.forward(x, wx, wh, b, h0), inputs(x, wx, wh, b, h0));
    }

    private Tensor forward(Tensor x, Tensor[] wx, Tensor[] wh, Tensor[] b, Tensor h0) {
        start(x, wx, wh, b, h0);
        act = ws.get("act", dtype, batch, steps, gates);
        resetH = ws.get("resetH", dtype, batch, steps, hidden);
        out = Tensor.forOverwrite(device, dtype, batch, steps, hidden);       // every step of every row is written
        Storage p = pre.storage(), a = act.storage(), h = out.storage();
        int n = hidden;
        StepWeight gatesW = forwardWeight("W_h.forward.gates", 0, 2 * n);
        StepWeight candidateW = forwardWeight("W_h.forward.candidate", 2 * n, n);
        overBatch((lo, hi) -> {
            for (int t = 0; t < steps; t++) {
                addRecurrent(t, hx, gatesW, lo, hi);
                for (int b0 = lo; b0 < hi; b0++) {
                    int r = b0 * steps + t;
                    be.gruGatesForward(n, p, r * gates, hx.storage(), hPrevAt(r), a, r * gates, resetH.storage(),
                            r * n);
                }
                addRecurrent(t, resetH, candidateW, lo, hi);
                for (int b0 = lo; b0 < hi; b0++) {
                    int r = b0 * steps + t;
                    be.gruStateForward(n, p, r * gates, hx.storage(), hPrevAt(r), a, r * gates, h, r * n);
                    keepForNextStep(b0, t, h, r * n);
                }
            }
        });
        return out;
    }

    /** Gradients of x, the gates' W_x, W_h, b, then h0, from the gradient g [B, T, H] of every h_t. */
    @Override
    public Tensor[] apply(Tensor g) {
        Upstream up = Upstream.of(g);
        Tensor dpre = ws.get("dpre", dtype, batch, steps, gates);
        Tensor dh = ws.zeros("dh", dtype, batch, hidden);
        Tensor dhPrev = ws.get("dhPrev", dtype, batch, hidden);
        Tensor dResetH = ws.get("dResetH", dtype, batch, hidden);
        Storage a = act.storage(), dp = dpre.storage();
        int n = hidden;
        StepWeight gatesW = backwardWeight("W_h.backward.gates", 0, 2 * n);
        StepWeight candidateW = backwardWeight("W_h.backward.candidate", 2 * n, n);
        overBatch((lo, hi) -> {
            Tensor next = dh;           // ∂L/∂h_t of this slice's rows, then h_{t−1}'s: the two buffers take turns
            Tensor prev = dhPrev;
            for (int t = steps - 1; t >= 0; t--) {
                for (int b = lo; b < hi; b++) {
                    int r = b * steps + t;
                    be.gruStateBackward(n, a, r * gates, up.storage(), up.at(r * n), up.step(), next.storage(), b * n,
                            dp, r * gates);
                }
                recurrentGrad(dpre, t, candidateW, dResetH, false, lo, hi);
                for (int b = lo; b < hi; b++) {
                    int r = b * steps + t;
                    be.gruGatesBackward(n, a, r * gates, hx.storage(), hPrevAt(r), next.storage(), b * n,
                            dResetH.storage(), b * n, prev.storage(), b * n, dp, r * gates);
                }
                recurrentGrad(dpre, t, gatesW, prev, true, lo, hi);
                Tensor swap = next;
                next = prev;
                prev = swap;
            }
        });
        Tensor dh0 = steps % 2 == 0 ? dh : dhPrev;     // where the last turn left ∂L/∂h_0
        Tensor dwT = ws.get("dWT", dtype, hxWidth, gates);
        weightGradT(dpre, 0, 2 * n, hx, 0, hxWidth, dwT, 0);                  // z, r: from h_{t−1} and x
        weightGradT(dpre, 2 * n, n, resetH, 0, n, dwT, 0);                    // h̃: from r ⊙ h_{t−1}
        weightGradT(dpre, 2 * n, n, hx, n, in, dwT, n);                       //     and x
        return grads(dpre, dwT, 3, copyOut(dh0));
    }
}
