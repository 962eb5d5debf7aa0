package jgrad.backend;

/**
 * The fused elementwise steps of the recurrent cells (LSTM, RNN, GRU): the work between a step's GEMMs, in one
 * call where the layer made several.
 *
 * <p>One family of {@link Backend}'s kernels, implemented only through it (hence sealed): a default that
 * composes other kernels hands them the whole backend.
 */
public sealed interface RecurrentKernels permits Backend {

    /**
     * The elementwise part of one LSTM step, after the gate GEMM. {@code pre} and {@code act} hold four
     * blocks of n values in the gate order f, i, o, c̃ (n = H for one row of a batch-major layout).
     * Writes act = (σ(f), σ(i), σ(o), tanh(c̃)), c_t = f ⊙ c_{t−1} + i ⊙ c̃, tanh(c_t) and
     * h_t = o ⊙ tanh(c_t); {@code act} may be {@code pre}. The default composes {@link ElementwiseKernels#unary} and
     * {@link ElementwiseKernels#binary}, rounding after each; a fused version must match it to float rounding.
     */
    default void lstmStepForward(int n, Storage pre, int preOff, Storage cPrev, int cPrevOff, Storage act, int actOff,
                                 Storage c, int cOff, Storage tanhC, int tanhCOff, Storage h, int hOff) {
        LstmStep.forward((Backend) this, n, pre, preOff, cPrev, cPrevOff, act, actOff, c, cOff, tanhC, tanhCOff, h,
                hOff);
    }

    /**
     * One LSTM step back from the saved act and tanh(c_t), c_{t−1}, dh = ∂L/∂h_t and dc = ∂L/∂c_t
     * (n values each): writes dpre (four gate blocks, as {@code pre}) and replaces dc by ∂L/∂c_{t−1}.
     * dh_{t−1} = dpre·W_h is left to {@link MatrixKernels#gemm}.
     */
    default void lstmStepBackward(int n, Storage act, int actOff, Storage cPrev, int cPrevOff, Storage tanhC,
                                  int tanhCOff, Storage dh, int dhOff, Storage dc, int dcOff, Storage dpre, int dpreOff) {
        LstmStep.backward((Backend) this, n, act, actOff, cPrev, cPrevOff, tanhC, tanhCOff, dh, dhOff, dc, dcOff,
                dpre, dpreOff);
    }

    /*
     * The fused steps of the RNN and the GRU (and, in AttentionKernels, attention pooling): like the LSTM's above, the
     * elementwise work between (or after) a layer's GEMMs, one call where the layer made several.
     * Each default composes the generic kernels in the order the layers used to call them, so its
     * bits are theirs; a fused version must match it to float rounding. Rows are n values, offsets
     * in elements, an upstream gradient {@code up} walks with {@code upStep} 0 (one value repeated) or 1.
     */

    /**
     * The RNN step's activation, h = σ(pre) for n values ({@code alpha} as in {@link ElementwiseKernels#unary}). The
     * default is {@link ElementwiseKernels#unary}: the forward has nothing to fuse, it is here to pair with the
     * backward.
     */
    default void rnnStepForward(UnaryOp sigma, double alpha, int n, Storage pre, int preOff, Storage h, int hOff) {
        RnnStep.forward((Backend) this, sigma, alpha, n, pre, preOff, h, hOff);
    }

    /**
     * One RNN step back: dh ← up + dh (the output's gradient joins the one from step t+1), then
     * dpre = dh ⊙ σ'(pre), with σ' taken from pre or h = σ(pre) as {@link UnaryOp} says.
     * dh_{t−1} = dpre·W_hh is left to {@link MatrixKernels#gemm}.
     */
    default void rnnStepBackward(UnaryOp sigma, double alpha, int n, Storage pre, int preOff, Storage h, int hOff,
                                 Storage up, int upOff, int upStep, Storage dh, int dhOff, Storage dpre, int dpreOff) {
        RnnStep.backward((Backend) this, sigma, alpha, n, pre, preOff, h, hOff, up, upOff, upStep, dh, dhOff, dpre,
                dpreOff);
    }

    /**
     * The first half of a GRU step, after the GEMM of the update and reset gates: {@code pre} and
     * {@code act} hold three blocks of n values in the order z, r, h̃; writes act_z = σ(pre_z),
     * act_r = σ(pre_r) and resetH = r ⊙ h_{t−1}, the input of the candidate's GEMM.
     */
    default void gruGatesForward(int n, Storage pre, int preOff, Storage hPrev, int hPrevOff, Storage act, int actOff,
                                 Storage resetH, int resetHOff) {
        GruStep.gatesForward((Backend) this, n, pre, preOff, hPrev, hPrevOff, act, actOff, resetH, resetHOff);
    }

    /**
     * The second half of a GRU step, after the candidate's GEMM: act_h̃ = h̃ = tanh(pre_h̃) and
     * h_t = h̃ + z ⊙ (h_{t−1} − h̃). {@code h} must not overlap {@code hPrev} or {@code act}.
     */
    default void gruStateForward(int n, Storage pre, int preOff, Storage hPrev, int hPrevOff, Storage act, int actOff,
                                 Storage h, int hOff) {
        GruStep.stateForward((Backend) this, n, pre, preOff, hPrev, hPrevOff, act, actOff, h, hOff);
    }

    /**
     * The GRU step back through the state, from the saved act: dh ← up + dh, then the candidate's
     * dpre_h̃ = dh ⊙ (1 − z) ⊙ (1 − h̃²). d(r ⊙ h_{t−1}) = dpre_h̃·W_hh̃ is left to {@link MatrixKernels#gemm}.
     */
    default void gruStateBackward(int n, Storage act, int actOff, Storage up, int upOff, int upStep, Storage dh,
                                  int dhOff, Storage dpre, int dpreOff) {
        GruStep.stateBackward((Backend) this, n, act, actOff, up, upOff, upStep, dh, dhOff, dpre, dpreOff);
    }

    /**
     * The GRU step back through the gates, once dResetH = ∂L/∂(r ⊙ h_{t−1}) is known: with dz =
     * dh ⊙ (h_{t−1} − h̃) and dr = dResetH ⊙ h_{t−1}, writes dpre_z = dz ⊙ z(1 − z), dpre_r = dr ⊙ r(1 − r)
     * and the direct part of ∂L/∂h_{t−1}, dhPrev = dh ⊙ z + dResetH ⊙ r (the part through the gates'
     * GEMM is left to {@link MatrixKernels#gemm}). {@code dhPrev} must not overlap the other buffers.
     */
    default void gruGatesBackward(int n, Storage act, int actOff, Storage hPrev, int hPrevOff, Storage dh, int dhOff,
                                  Storage dResetH, int dResetHOff, Storage dhPrev, int dhPrevOff, Storage dpre,
                                  int dpreOff) {
        GruStep.gatesBackward((Backend) this, n, act, actOff, hPrev, hPrevOff, dh, dhOff, dResetH, dResetHOff,
                dhPrev, dhPrevOff,
                dpre, dpreOff);
    }
}
