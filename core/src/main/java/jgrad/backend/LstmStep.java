package jgrad.backend;


/**
 * The elementwise part of one LSTM step composed from a backend's own primitives: what
 * {@link Backend#lstmStepForward} and {@link Backend#lstmStepBackward} do unless a backend fuses them,
 * and the reference a fused version is tested against. No scratch is needed: the forward keeps i ⊙ c̃
 * in tanhC until tanh(c_t) replaces it, the backward its temporaries in dpre's f block until the last
 * ops overwrite it.
 */
final class LstmStep {

    private LstmStep() {
    }

    static void forward(Backend be, int n, Storage pre, int preOff, Storage cPrev, int cPrevOff, Storage act, int actOff,
                        Storage c, int cOff, Storage tanhC, int tanhCOff, Storage h, int hOff) {
        int f = actOff, i = actOff + n, o = actOff + 2 * n, cand = actOff + 3 * n;
        be.unary(UnaryOp.SIGMOID, 3 * n, pre, preOff, act, f, 0);
        be.unary(UnaryOp.TANH, n, pre, preOff + 3 * n, act, cand, 0);
        be.binary(BinaryOp.MUL, n, act, f, 1, cPrev, cPrevOff, 1, c, cOff);                 // f ⊙ c_{t−1}
        be.binary(BinaryOp.MUL, n, act, i, 1, act, cand, 1, tanhC, tanhCOff);             // i ⊙ c̃
        be.binary(BinaryOp.ADD, n, c, cOff, 1, tanhC, tanhCOff, 1, c, cOff);
        be.unary(UnaryOp.TANH, n, c, cOff, tanhC, tanhCOff, 0);
        be.binary(BinaryOp.MUL, n, act, o, 1, tanhC, tanhCOff, 1, h, hOff);                // o ⊙ tanh(c_t)
    }

    /**
     * With c_t = f c_{t−1} + i c̃ and h_t = o tanh(c_t): dc += dh o (1 − tanh²c_t), then
     * df = dc c_{t−1}, di = dc c̃, do = dh tanh(c_t), dc̃ = dc i, each through its activation's
     * derivative, and dc ← dc f.
     */
    static void backward(Backend be, int n, Storage act, int actOff, Storage cPrev, int cPrevOff, Storage tanhC,
                         int tanhCOff, Storage dh, int dhOff, Storage dc, int dcOff, Storage dpre, int dpreOff) {
        int f = actOff, i = actOff + n, o = actOff + 2 * n, cand = actOff + 3 * n;
        int df = dpreOff, di = dpreOff + n, dO = dpreOff + 2 * n, dCand = dpreOff + 3 * n;
        be.binary(BinaryOp.MUL, n, dh, dhOff, 1, act, o, 1, dpre, df);
        be.unaryBackward(UnaryOp.TANH, n, tanhC, tanhCOff, tanhC, tanhCOff, dpre, df, dpre, df, 0);
        be.binary(BinaryOp.ADD, n, dc, dcOff, 1, dpre, df, 1, dc, dcOff);
        be.binary(BinaryOp.MUL, n, dh, dhOff, 1, tanhC, tanhCOff, 1, dpre, dO);
        be.binary(BinaryOp.MUL, n, dc, dcOff, 1, cPrev, cPrevOff, 1, dpre, df);
        be.binary(BinaryOp.MUL, n, dc, dcOff, 1, act, cand, 1, dpre, di);
        be.binary(BinaryOp.MUL, n, dc, dcOff, 1, act, i, 1, dpre, dCand);
        be.binary(BinaryOp.MUL, n, dc, dcOff, 1, act, f, 1, dc, dcOff);
        be.unaryBackward(UnaryOp.SIGMOID, 3 * n, act, f, act, f, dpre, df, dpre, df, 0);
        be.unaryBackward(UnaryOp.TANH, n, act, cand, act, cand, dpre, dCand, dpre, dCand, 0);
    }
}
