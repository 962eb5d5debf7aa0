package jgrad.backend;

/**
 * Dot-score attention pooling composed from a backend's own primitives: what
 * {@link Backend#attentionPoolForward} and {@link Backend#attentionPoolBackward} do unless a backend
 * fuses them, and the reference a fused version is tested against.
 *
 * <p>Forward, per row b: e = x_b·h_b (a vector-matrix GEMM), dropped positions set to {@link #DROPPED}
 * so that their exponential underflows to 0, s = softmax(e), α = s ⊙ mask, c = α·x_b. Back: dα =
 * gAlpha + x_b·gc (one GEMM accumulating onto gAlpha), de = softmax backward of α, then dx_b =
 * [α | de]ᵀ·[gc; h] (one GEMM of inner size 2, so that x's shape is written once) and dh = de·x_b.
 * The softmax backward takes α for s: they differ only in a row with nothing kept, where α = 0 and
 * dα ⊙ mask = 0 make de = 0 either way, and at dropped positions, where s = 0.
 */
final class AttentionPool {

    /** The score of a dropped position before the softmax (as in {@code Attention.forwardUnfused}). */
    static final double DROPPED = -1e30;

    private AttentionPool() {
    }

    static void forward(Backend be, int batch, int steps, int d, Storage x, Storage h, Storage mask, Storage alpha,
                        Storage c) {
        DType dt = x.dtype();
        int n = batch * steps;
        Storage e = be.allocate(dt, n);
        for (int b = 0; b < batch; b++) {
            be.gemm(false, true, 1, steps, d, h, b * d, d, x, b * steps * d, d, 0, e, b * steps, steps);
        }
        if (mask != null) {
            Storage dropped = be.allocate(dt, n);
            be.fill(n, dropped, 0, DROPPED);
            be.where(n, mask, 0, e, 0, dropped, 0, e, 0);
        }
        Storage s = mask == null ? alpha : be.allocate(dt, n);
        be.softmax(batch, steps, e, 0, s, 0, false);
        if (mask != null) {
            be.binary(BinaryOp.MUL, n, s, 0, 1, mask, 0, 1, alpha, 0);
        }
        for (int b = 0; b < batch; b++) {
            be.gemm(false, false, 1, d, steps, alpha, b * steps, steps, x, b * steps * d, d, 0, c, b * d, d);
        }
    }

    static void backward(Backend be, int batch, int steps, int d, Storage x, Storage h, Storage alpha, Storage gAlpha,
                         Storage gc, Storage de, Storage dx, Storage dh) {
        DType dt = x.dtype();
        Storage alphaDe = be.allocate(dt, 2 * batch * steps);   // per row: α, then de
        Storage gcH = be.allocate(dt, 2 * batch * d);           // per row: gc, then h
        Storage dAlpha = be.allocate(dt, batch * steps);
        int[] unit = {1};
        if (gAlpha == null) {
            be.fill(batch * steps, dAlpha, 0, 0);
        } else {
            be.copy(new int[] {batch * steps}, gAlpha, 0, unit, dAlpha, 0);
        }
        for (int b = 0; b < batch; b++) {
            be.copy(new int[] {steps}, alpha, b * steps, unit, alphaDe, 2 * b * steps);
            be.copy(new int[] {d}, gc, b * d, unit, gcH, 2 * b * d);
            be.copy(new int[] {d}, h, b * d, unit, gcH, (2 * b + 1) * d);
            be.gemm(false, true, 1, steps, d, gcH, 2 * b * d, d, x, b * steps * d, d,
                    1, dAlpha, b * steps, steps);                     // dα = gAlpha + x gc
        }
        be.softmaxBackward(batch, steps, alpha, 0, dAlpha, 0, de, 0, false);
        for (int b = 0; b < batch; b++) {
            be.copy(new int[] {steps}, de, b * steps, unit, alphaDe, (2 * b + 1) * steps);
            be.gemm(true, false, steps, d, 2, alphaDe, 2 * b * steps, steps, gcH, 2 * b * d, d,
                    0, dx, b * steps * d, d);
            be.gemm(false, false, 1, d, steps, de, b * steps, steps, x, b * steps * d, d, 0, dh, b * d, d);
        }
    }
}
