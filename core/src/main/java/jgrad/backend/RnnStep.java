package jgrad.backend;

/**
 * The elementwise part of one RNN step composed from a backend's own primitives: what
 * {@link Backend#rnnStepForward} and {@link Backend#rnnStepBackward} do unless a backend fuses them,
 * and the reference a fused version is tested against.
 */
final class RnnStep {

    private RnnStep() {
    }

    /** h = σ(pre). */
    static void forward(Backend be, UnaryOp sigma, double alpha, int n, Storage pre, int preOff, Storage h, int hOff) {
        be.unary(sigma, n, pre, preOff, h, hOff, alpha);
    }

    /** dh ← up + dh, dpre = dh ⊙ σ'(pre). */
    static void backward(Backend be, UnaryOp sigma, double alpha, int n, Storage pre, int preOff, Storage h, int hOff,
                         Storage up, int upOff, int upStep, Storage dh, int dhOff, Storage dpre, int dpreOff) {
        be.binary(BinaryOp.ADD, n, up, upOff, upStep, dh, dhOff, 1, dh, dhOff);
        be.unaryBackward(sigma, n, pre, preOff, h, hOff, dh, dhOff, dpre, dpreOff, alpha);
    }
}
