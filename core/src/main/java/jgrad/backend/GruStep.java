package jgrad.backend;

/**
 * The elementwise parts of one GRU step composed from a backend's own primitives: what
 * {@link Backend#gruGatesForward}, {@link Backend#gruStateForward}, {@link Backend#gruStateBackward}
 * and {@link Backend#gruGatesBackward} do unless a backend fuses them, and the reference a fused
 * version is tested against. A step has two halves because the candidate's GEMM reads r ⊙ h_{t−1}.
 *
 * <p>No scratch is needed: the state forward keeps h_{t−1} − h̃ and z ⊙ (h_{t−1} − h̃) in h until
 * h_t replaces them, the backward its temporaries in dpre blocks that the last ops overwrite. 1 − z
 * is −z + 1 (NEG, then SHIFT), which rounds as 1 − z does.
 */
final class GruStep {

    private GruStep() {
    }

    /** act_z, act_r = σ(pre_z, pre_r); resetH = r ⊙ h_{t−1}. */
    static void gatesForward(Backend be, int n, Storage pre, int preOff, Storage hPrev, int hPrevOff, Storage act,
                             int actOff, Storage resetH, int resetHOff) {
        be.unary(UnaryOp.SIGMOID, 2 * n, pre, preOff, act, actOff, 0);
        be.binary(BinaryOp.MUL, n, act, actOff + n, 1, hPrev, hPrevOff, 1, resetH, resetHOff);
    }

    /** h̃ = tanh(pre_h̃), then h_t = h̃ + z ⊙ (h_{t−1} − h̃). */
    static void stateForward(Backend be, int n, Storage pre, int preOff, Storage hPrev, int hPrevOff, Storage act,
                             int actOff, Storage h, int hOff) {
        int z = actOff, cand = actOff + 2 * n;
        be.unary(UnaryOp.TANH, n, pre, preOff + 2 * n, act, cand, 0);
        be.binary(BinaryOp.SUB, n, hPrev, hPrevOff, 1, act, cand, 1, h, hOff);      // h_{t−1} − h̃
        be.binary(BinaryOp.MUL, n, act, z, 1, h, hOff, 1, h, hOff);
        be.binary(BinaryOp.ADD, n, act, cand, 1, h, hOff, 1, h, hOff);
    }

    /** dh ← up + dh; dpre_h̃ = tanh'(h̃) ⊙ (dh ⊙ (1 − z)). */
    static void stateBackward(Backend be, int n, Storage act, int actOff, Storage up, int upOff, int upStep, Storage dh,
                              int dhOff, Storage dpre, int dpreOff) {
        int cand = actOff + 2 * n, dCand = dpreOff + 2 * n;
        be.binary(BinaryOp.ADD, n, up, upOff, upStep, dh, dhOff, 1, dh, dhOff);
        be.unary(UnaryOp.NEG, n, act, actOff, dpre, dCand, 0);
        be.unary(UnaryOp.SHIFT, n, dpre, dCand, dpre, dCand, 1);                    // 1 − z
        be.binary(BinaryOp.MUL, n, dh, dhOff, 1, dpre, dCand, 1, dpre, dCand);       // dh̃
        be.unaryBackward(UnaryOp.TANH, n, act, cand, act, cand, dpre, dCand, dpre, dCand, 0);
    }

    /**
     * dz = dh ⊙ (h_{t−1} − h̃), dhPrev = dh ⊙ z + dResetH ⊙ r, dr = dResetH ⊙ h_{t−1}, then σ' of both
     * gates at once; dpre_r holds the temporaries until dr.
     */
    static void gatesBackward(Backend be, int n, Storage act, int actOff, Storage hPrev, int hPrevOff, Storage dh,
                              int dhOff, Storage dResetH, int dResetHOff, Storage dhPrev, int dhPrevOff, Storage dpre,
                              int dpreOff) {
        int z = actOff, r = actOff + n, cand = actOff + 2 * n;
        int dz = dpreOff, dr = dpreOff + n;
        be.binary(BinaryOp.SUB, n, hPrev, hPrevOff, 1, act, cand, 1, dpre, dr);      // h_{t−1} − h̃
        be.binary(BinaryOp.MUL, n, dh, dhOff, 1, dpre, dr, 1, dpre, dz);             // dz
        be.binary(BinaryOp.MUL, n, dh, dhOff, 1, act, z, 1, dhPrev, dhPrevOff);
        be.binary(BinaryOp.MUL, n, dResetH, dResetHOff, 1, act, r, 1, dpre, dr);
        be.binary(BinaryOp.ADD, n, dhPrev, dhPrevOff, 1, dpre, dr, 1, dhPrev, dhPrevOff);
        be.binary(BinaryOp.MUL, n, dResetH, dResetHOff, 1, hPrev, hPrevOff, 1, dpre, dr);   // dr
        be.unaryBackward(UnaryOp.SIGMOID, 2 * n, act, z, act, z, dpre, dz, dpre, dz, 0);
    }
}
