package jgrad.bandit;

/**
 * Ridge-penalized logistic regression fitted by Newton's method (iteratively reweighted least squares):
 * maximize Σ [yᵢ ln σ(wᵀxᵢ) + (1−yᵢ) ln(1−σ(wᵀxᵢ))] − ½λ‖w‖², stepping w ← w + H⁻¹g with
 * g = Xᵀ(y − p) − λw and H = Xᵀ diag(p(1−p)) X + λI. The model of the simulators' response, fitted on a
 * randomized experiment's arm so that its probabilities are causal.
 */
public final class LogisticRegression {

    private LogisticRegression() {
    }

    /** The weights (the first column of x is usually a constant 1 for the intercept). */
    public static double[] fit(double[][] x, double[] y, double lambda, int iterations) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("logistic regression needs rows and one 0/1 label per row, got "
                    + x.length + " rows and " + y.length + " labels");
        }
        int d = x[0].length;
        double[] w = new double[d];
        for (int it = 0; it < iterations; it++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                double p = probability(w, x[i]);
                double weight = p * (1 - p);
                for (int j = 0; j < d; j++) {
                    g[j] += (y[i] - p) * x[i][j];
                    for (int k = 0; k <= j; k++) {
                        h[j][k] += weight * x[i][j] * x[i][k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                g[j] -= lambda * w[j];
                h[j][j] += lambda;
                for (int k = 0; k < j; k++) {
                    h[k][j] = h[j][k];
                }
            }
            double[] step = solve(h, g);
            double size = 0;
            for (int j = 0; j < d; j++) {
                w[j] += step[j];
                size = Math.max(size, Math.abs(step[j]));
            }
            if (size < 1e-10) {
                break;
            }
        }
        return w;
    }

    /**
     * σ(w_a·x) for every arm a: the expected rewards of a simulator whose arms each follow a logistic
     * model; a context of another length than the models' is refused.
     */
    public static double[] probabilities(double[][] weights, double[] x) {
        if (x.length != weights[0].length) {
            throw new IllegalArgumentException("a context of " + x.length + " features for a simulator of "
                    + weights[0].length);
        }
        double[] mu = new double[weights.length];
        for (int a = 0; a < mu.length; a++) {
            mu[a] = probability(weights[a], x);
        }
        return mu;
    }

    /** σ(wᵀx). */
    public static double probability(double[] w, double[] x) {
        return 1 / (1 + Math.exp(-RidgeArm.dot(w, x)));
    }

    /** Solves h s = g for a symmetric positive-definite h by its Cholesky factor. */
    private static double[] solve(double[][] h, double[] g) {
        double[][] l = LinearThompson.cholesky(h);
        int n = g.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = g[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] s = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double t = y[i];
            for (int k = i + 1; k < n; k++) {
                t -= l[k][i] * s[k];
            }
            s[i] = t / l[i][i];
        }
        return s;
    }
}
