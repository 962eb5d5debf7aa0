package jgrad.backend;

/**
 * The attention weights under a key mask ({@link Backend#attentionSoftmax}) composed from a backend's own
 * primitives: what a backend runs unless it fuses them (the CUDA backend does), and a second reference beside
 * {@link ScalarBackend}'s loops.
 *
 * <p>Forward: e = c·s; in each query row the keys it may not see get {@link #DROPPED}, so that their
 * exponential underflows to exactly 0, except its own key, which gets {@link #OWN_DROPPED}: larger than DROPPED
 * by far more than any exponent a float holds, and smaller than any real score by as much, so it decides the
 * softmax only in a row where every key is dropped (then α is 1 on the diagonal), and is 0 otherwise; then
 * α = softmax(e). Back: ds = c · (softmax backward of α).
 */
final class AttentionSoftmax {

    static final double DROPPED = -1e30;
    static final double OWN_DROPPED = DROPPED / 2;

    private AttentionSoftmax() {
    }

    static void forward(Backend be, int batch, int heads, int queries, int steps, double scale, boolean causal,
                        Storage keep, Storage s, int sOff, Storage alpha) {
        DType dt = s.dtype();
        int rows = batch * heads * queries;
        int n = rows * steps;
        Storage e = be.allocate(dt, n);
        be.unary(UnaryOp.SCALE, n, s, sOff, e, 0, scale);
        if (keep != null || causal) {
            Storage dropped = be.allocate(dt, steps + 1);
            be.fill(steps, dropped, 0, DROPPED);
            be.fill(1, dropped, steps, OWN_DROPPED);
            for (int r = 0; r < rows; r++) {
                int b = r / (heads * queries);
                int t = r % queries + steps - queries;
                int seen = causal ? t + 1 : steps;
                int row = r * steps;
                if (keep != null) {
                    be.where(seen, keep, b * steps, e, row, dropped, 0, e, row);
                    be.where(1, keep, b * steps + t, e, row + t, dropped, steps, e, row + t);
                }
                be.fill(steps - seen, e, row + seen, DROPPED);
            }
        }
        be.softmax(rows, steps, e, 0, alpha, 0, false);
    }

    static void backward(Backend be, int rows, int steps, double scale, Storage alpha, Storage g, int gOff,
                         Storage ds) {
        be.softmaxBackward(rows, steps, alpha, 0, g, gOff, ds, 0, false);
        be.unary(UnaryOp.SCALE, rows * steps, ds, 0, ds, 0, scale);
    }
}
