package jgrad.backend;

/**
 * The reference loops of multi-head attention's masked softmax and its backward
 * ({@link AttentionKernels#attentionSoftmax}), written beside the formula.
 */
final class ScalarAttention {

    private ScalarAttention() {
    }

    /** The reference of {@link Backend#attentionSoftmax}. */
    static void attentionSoftmax(int batch, int heads, int queries, int steps, double scale, boolean causal,
                                 Storage keep, Storage s, int sOff, Storage alpha) {
        for (int r = 0; r < batch * heads * queries; r++) {
            int b = r / (heads * queries);
            int t = r % queries + steps - queries;
            int base = r * steps;
            boolean anyKept = false;
            for (int u = 0; u < steps; u++) {
                anyKept |= sees(keep, b, steps, causal, t, u);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int u = 0; u < steps; u++) {
                if (anyKept ? sees(keep, b, steps, causal, t, u) : u == t) {
                    max = Math.max(max, scale * s.get(sOff + base + u));
                }
            }
            double sum = 0;
            for (int u = 0; u < steps; u++) {
                if (anyKept ? sees(keep, b, steps, causal, t, u) : u == t) {
                    sum += Math.exp(scale * s.get(sOff + base + u) - max);
                }
            }
            for (int u = 0; u < steps; u++) {
                boolean kept = anyKept ? sees(keep, b, steps, causal, t, u) : u == t;
                alpha.set(base + u, kept ? Math.exp(scale * s.get(sOff + base + u) - max) / sum : 0);
            }
        }
    }

    /** Whether query t of batch row b may see key u. */
    private static boolean sees(Storage keep, int b, int steps, boolean causal, int t, int u) {
        return (!causal || u <= t) && (keep == null || keep.get(b * steps + u) != 0);
    }

    /** The reference of {@link Backend#attentionSoftmaxBackward}. */
    static void attentionSoftmaxBackward(int rows, int queries, int steps, double scale, boolean causal,
                                         Storage alpha, Storage g, int gOff, Storage ds) {
        for (int r = 0; r < rows; r++) {
            int base = r * steps;
            double dot = 0;
            for (int u = 0; u < steps; u++) {
                dot += alpha.get(base + u) * g.get(gOff + base + u);
            }
            for (int u = 0; u < steps; u++) {
                ds.set(base + u, scale * alpha.get(base + u) * (g.get(gOff + base + u) - dot));
            }
        }
    }
}
