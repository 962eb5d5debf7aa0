package jgrad.backend;

/**
 * The reference loops of the reductions and the softmax ({@link ReductionKernels}), summed in double.
 */
final class ScalarReductions {

    private ScalarReductions() {
    }

    /** The reference of {@link Backend#reduce}. */
    static void reduce(ReduceOp op, int outer, int len, int inner, Storage x, int xOff, Storage out, int outOff) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double acc = op == ReduceOp.SUM ? 0 : Double.NEGATIVE_INFINITY;
                for (int j = 0; j < len; j++) {
                    double v = x.get(xOff + (o * len + j) * inner + i);
                    acc = op == ReduceOp.SUM ? acc + v : Math.max(acc, v);
                }
                out.set(outOff + o * inner + i, acc);
            }
        }
    }

    /** The reference of {@link Backend#softmax}. */
    static void softmax(int rows, int cols, Storage x, int xOff, Storage y, int yOff, boolean log) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x.get(xOff + base + j));
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(x.get(xOff + base + j) - max);
            }
            double logSum = Math.log(sum);
            for (int j = 0; j < cols; j++) {
                double shifted = x.get(xOff + base + j) - max;
                y.set(yOff + base + j, log ? shifted - logSum : Math.exp(shifted) / sum);
            }
        }
    }

    /** The reference of {@link Backend#softmaxBackward}. */
    static void softmaxBackward(int rows, int cols, Storage y, int yOff, Storage g, int gOff, Storage dx, int dxOff,
                                boolean log) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double dot = 0;
            for (int j = 0; j < cols; j++) {
                double gj = g.get(gOff + base + j);
                dot += log ? gj : gj * y.get(yOff + base + j);
            }
            for (int j = 0; j < cols; j++) {
                double yj = y.get(yOff + base + j);
                double gj = g.get(gOff + base + j);
                dx.set(dxOff + base + j, log ? gj - Math.exp(yj) * dot : yj * (gj - dot));
            }
        }
    }
}
