package jgrad.kernels;

import jgrad.backend.BinaryOp;
import jgrad.backend.UnaryOp;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * The GRU over a whole sequence as one recorded op with a hand-written BPTT. Each row (b, t) of the
 * gates holds z, r, h̃ ([3H]): one GEMM h_{t−1}[W_hz; W_hr]ᵀ for both gates, one σ over their part,
 * then (r ⊙ h_{t−1})W_hhᵀ and tanh for the candidate, and h_t = h̃ + z ⊙ (h_{t−1} − h̃).
 * Back, from dh = ∂L/∂h_t: dz = dh (h_{t−1} − h̃); dh̃ = dh (1 − z); d(r⊙h) = dpre_h̃ W_hh;
 * dr = d(r⊙h) h_{t−1}; dh_{t−1} = dh z + d(r⊙h) r + dpre_zr [W_hz; W_hr].
 */
public final class GruKernel extends SequenceKernel {

    /** Saved for backward (besides the output): gate activations [B, T, 3H], r ⊙ h_{t−1} [B, T, H]. */
    private Tensor act;
    private Tensor resetH;
    private final Tensor one;

    private GruKernel(Workspace.Pool pool, Tensor x, int hidden) {
        super(pool, x, hidden, 3 * hidden);
        one = Tensor.full(x.device(), x.dtype(), 1);
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
        out = Tensor.zeros(device, dtype, batch, steps, hidden);
        Storage tmp = ws.get("tmp", dtype, hidden).storage();
        int n = hidden;
        for (int t = 0; t < steps; t++) {
            addRecurrent(t, hx, 0, 2 * n);
            for (int b0 = 0; b0 < batch; b0++) {
                int r = b0 * steps + t;
                be.unary(UnaryOp.SIGMOID, 2 * n, pre.storage(), r * gates, act.storage(), r * gates, 0);
                be.binary(BinaryOp.MUL, n, act.storage(), r * gates + n, 1, hx.storage(), hPrevAt(r), 1,
                        resetH.storage(), r * n);
            }
            addRecurrent(t, resetH, 2 * n, n);
            for (int b0 = 0; b0 < batch; b0++) {
                candidateAndState(b0, t, tmp);
            }
        }
        return out;
    }

    /** For row (b, t): h̃ = tanh(pre_h̃), then h_t = h̃ + z ⊙ (h_{t−1} − h̃). */
    private void candidateAndState(int b, int t, Storage tmp) {
        int r = b * steps + t;
        int n = hidden;
        int cand = r * gates + 2 * n;
        Storage a = act.storage(), h = out.storage();
        be.unary(UnaryOp.TANH, n, pre.storage(), cand, a, cand, 0);
        be.binary(BinaryOp.SUB, n, hx.storage(), hPrevAt(r), 1, a, cand, 1, tmp, 0);            // h_{t−1} − h̃
        be.binary(BinaryOp.MUL, n, a, r * gates, 1, tmp, 0, 1, tmp, 0);
        be.binary(BinaryOp.ADD, n, a, cand, 1, tmp, 0, 1, h, r * n);
        keepForNextStep(b, t, h, r * n);
    }

    /** Gradients of x, the gates' W_x, W_h, b, then h0, from the gradient g [B, T, H] of every h_t. */
    @Override
    public Tensor[] apply(Tensor g) {
        Upstream up = Upstream.of(g);
        Tensor dpre = ws.get("dpre", dtype, batch, steps, gates);
        Tensor dh = ws.zeros("dh", dtype, batch, hidden);
        Tensor dhPrev = ws.get("dhPrev", dtype, batch, hidden);
        Tensor dResetH = ws.get("dResetH", dtype, batch, hidden);
        Storage dAct = ws.get("dAct", dtype, batch, 2 * hidden).storage();
        Storage tmp = ws.get("tmp", dtype, hidden).storage();
        for (int t = steps - 1; t >= 0; t--) {
            for (int b = 0; b < batch; b++) {
                candidateBackward(b, t, up, dh.storage(), dAct, tmp, dpre.storage());
            }
            recurrentGrad(dpre, t, 2 * hidden, hidden, dResetH, false);
            for (int b = 0; b < batch; b++) {
                gatesBackward(b, t, dh.storage(), dhPrev.storage(), dResetH.storage(), dAct, tmp, dpre.storage());
            }
            recurrentGrad(dpre, t, 0, 2 * hidden, dhPrev, true);
            Tensor swap = dh;
            dh = dhPrev;
            dhPrev = swap;
        }
        Tensor dwT = ws.get("dWT", dtype, hxWidth, gates);
        weightGradT(dpre, 0, 2 * hidden, hx, 0, hxWidth, dwT, 0);                  // z, r: from h_{t−1} and x
        weightGradT(dpre, 2 * hidden, hidden, resetH, 0, hidden, dwT, 0);          // h̃: from r ⊙ h_{t−1}
        weightGradT(dpre, 2 * hidden, hidden, hx, hidden, in, dwT, hidden);        //     and x
        return grads(dpre, dwT, 3, copyOut(dh));
    }

    /** Row (b, t): adds the output's gradient to dh, then dz (kept in dAct) and dpre of the candidate. */
    private void candidateBackward(int b, int t, Upstream up, Storage dh, Storage dAct, Storage tmp, Storage dpre) {
        Storage a = act.storage();
        int r = b * steps + t;
        int n = hidden;
        int g = r * gates;
        int s = b * n;
        be.binary(BinaryOp.ADD, n, up.storage(), up.at(r * n), up.step(), dh, s, 1, dh, s);
        be.binary(BinaryOp.SUB, n, hx.storage(), hPrevAt(r), 1, a, g + 2 * n, 1, tmp, 0);
        be.binary(BinaryOp.MUL, n, dh, s, 1, tmp, 0, 1, dAct, 2 * s);                            // dz
        be.binary(BinaryOp.SUB, n, one.storage(), 0, 0, a, g, 1, tmp, 0);
        be.binary(BinaryOp.MUL, n, dh, s, 1, tmp, 0, 1, tmp, 0);                                  // dh̃
        be.unaryBackward(UnaryOp.TANH, n, pre.storage(), g + 2 * n, a, g + 2 * n, tmp, 0, dpre, g + 2 * n, 0);
    }

    /** Row (b, t), once d(r⊙h) is known: dr, the direct part of ∂L/∂h_{t−1}, and dpre of z and r. */
    private void gatesBackward(int b, int t, Storage dh, Storage dhPrev, Storage dResetH, Storage dAct, Storage tmp,
                               Storage dpre) {
        Storage a = act.storage();
        int r = b * steps + t;
        int n = hidden;
        int g = r * gates;
        int s = b * n;
        be.binary(BinaryOp.MUL, n, dResetH, s, 1, hx.storage(), hPrevAt(r), 1, dAct, 2 * s + n);    // dr
        be.binary(BinaryOp.MUL, n, dh, s, 1, a, g, 1, dhPrev, s);
        be.binary(BinaryOp.MUL, n, dResetH, s, 1, a, g + n, 1, tmp, 0);
        be.binary(BinaryOp.ADD, n, dhPrev, s, 1, tmp, 0, 1, dhPrev, s);
        be.unaryBackward(UnaryOp.SIGMOID, 2 * n, pre.storage(), g, a, g, dAct, 2 * s, dpre, g, 0);
    }
}
