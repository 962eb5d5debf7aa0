package jgrad.backend;

/**
 * The reference loops of the gradient penalty, norm clipping and DP-SGD's per-example norms
 * ({@link GradientKernels}), in double.
 */
final class ScalarGradients {

    private ScalarGradients() {
    }

    /** The reference of {@link Backend#penaltyGradient}. */
    static void penaltyGradient(int n, Storage w, int wOff, Storage g, int gOff, Storage out, int outOff,
                                double l1, double l2) {
        for (int i = 0; i < n; i++) {
            double wi = w.get(wOff + i);
            out.set(outOff + i, g.get(gOff + i) + (l1 * Math.signum(wi) + 2 * l2 * wi));
        }
    }

    /** The reference of {@link Backend#sumOfSquares}. */
    static void sumOfSquares(int n, Storage x, int xOff, Storage acc, int accOff) {
        ScalarBackend.checkF64("sumOfSquares", acc);
        double sum = acc.get(accOff);
        for (int i = 0; i < n; i++) {
            double v = x.get(xOff + i);
            sum += v * v;
        }
        acc.set(accOff, sum);
    }

    /** The reference of {@link Backend#clipToNorm}. */
    static void clipToNorm(int n, Storage x, int xOff, Storage sumSq, int sOff, double maxNorm) {
        ScalarBackend.checkF64("clipToNorm", sumSq);
        double norm = Math.sqrt(sumSq.get(sOff));
        if (!(norm > maxNorm)) {
            return;
        }
        double factor = maxNorm / norm;
        for (int i = 0; i < n; i++) {
            x.set(xOff + i, x.get(xOff + i) * factor);
        }
    }

    /** The reference of {@link Backend#rowSquaredNorms}. */
    static void rowSquaredNorms(int rows, int cols, Storage x, int xOff, Storage out, int outOff) {
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < cols; c++) {
                double v = x.get(xOff + r * cols + c);
                s += v * v;
            }
            out.set(outOff + r, s);
        }
    }

    /** The reference of {@link Backend#clipFactors}. */
    static void clipFactors(int rows, Storage sumSq, int sOff, double maxNorm, Storage out, int outOff) {
        for (int r = 0; r < rows; r++) {
            double norm = Math.sqrt(sumSq.get(sOff + r));
            out.set(outOff + r, norm > maxNorm ? maxNorm / norm : 1);
        }
    }
}
