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
        int bt = batch * steps;
        int bd = batch * d;
        // [α; de] as two [B, T] blocks and [gc; h] as two [B, d] blocks: row b's pair of rows is then one
        // operand with a leading dimension of B·T (or B·d), so each block is filled by one copy, not one per row.
        Storage alphaDe = be.allocate(dt, 2 * bt);
        Storage gcH = be.allocate(dt, 2 * bd);
        Storage dAlpha = be.allocate(dt, bt);
        int[] unit = {1};
        if (gAlpha == null) {
            be.fill(bt, dAlpha, 0, 0);
        } else {
            be.copy(new int[] {bt}, gAlpha, 0, unit, dAlpha, 0);
        }
        be.copy(new int[] {bt}, alpha, 0, unit, alphaDe, 0);
        be.copy(new int[] {bd}, gc, 0, unit, gcH, 0);
        be.copy(new int[] {bd}, h, 0, unit, gcH, bd);
        for (int b = 0; b < batch; b++) {
            be.gemm(false, true, 1, steps, d, gc, b * d, d, x, b * steps * d, d,
                    1, dAlpha, b * steps, steps);                     // dα = gAlpha + x gc
        }
        be.softmaxBackward(batch, steps, alpha, 0, dAlpha, 0, alphaDe, bt, false);
        be.copy(new int[] {bt}, alphaDe, bt, unit, de, 0);
        for (int b = 0; b < batch; b++) {
            be.gemm(true, false, steps, d, 2, alphaDe, b * steps, bt, gcH, b * d, bd,
                    0, dx, b * steps * d, d);                         // dx_b = [α_b; de_b]ᵀ [gc_b; h_b]
            be.gemm(false, false, 1, d, steps, alphaDe, bt + b * steps, steps, x, b * steps * d, d, 0, dh, b * d, d);
        }
    }
}
