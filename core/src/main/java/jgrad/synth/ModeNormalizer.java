package jgrad.synth;

import java.util.Arrays;

/**
 * Mode-specific normalization of one numeric column (CTGAN §4.2). A mixture of K one-dimensional Gaussians
 * (weights π_k, means μ_k, deviations σ_k) is fitted by expectation–maximization; components whose weight
 * falls under {@value #MIN_WEIGHT} are dropped. A value x is then represented by its mode
 * k = argmax_k π_k N(x; μ_k, σ_k) (one-hot) and its offset within the mode α = (x − μ_k) / (4 σ_k), clipped to
 * (−0.99, 0.99); the inverse is x = μ_k + 4 σ_k α.
 *
 * <p>CTGAN fits a variational Bayesian mixture; this is plain maximum likelihood, started from K means spread
 * over the distinct values (every distinct value gets its own component when there are at most K), each as wide as
 * half the gap to its nearest neighbour, which puts
 * one narrow mode on each atom of a column with few values (bank data's {@code pdays} = 999, the economic
 * indicators). Deviations are kept at least {@code minSigma}, so that 4 σ α of a narrow mode stays within
 * rounding of its mean.
 */
public final class ModeNormalizer {

    /** Components lighter than this are dropped after fitting (CTGAN's weight threshold). */
    public static final double MIN_WEIGHT = 0.005;
    private static final int ITERATIONS = 200;
    private static final double TOLERANCE = 1e-7;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final double[] means;
    private final double[] sigmas;
    private final double[] logWeights;

    private ModeNormalizer(double[] means, double[] sigmas, double[] weights) {
        this.means = means;
        this.sigmas = sigmas;
        this.logWeights = Arrays.stream(weights).map(Math::log).toArray();
    }

    /** Fits at most {@code maxModes} modes to the finite values x; deviations are floored at minSigma &gt; 0. */
    public static ModeNormalizer fit(double[] x, int maxModes, double minSigma) {
        if (x.length == 0 || maxModes < 1 || !(minSigma > 0)) {
            throw new IllegalArgumentException("ModeNormalizer: needs values, maxModes >= 1 and minSigma > 0, got "
                    + x.length + " values, " + maxModes + ", " + minSigma);
        }
        double[] distinct = Arrays.stream(x).sorted().distinct().toArray();
        int k = Math.min(maxModes, distinct.length);
        double[] mu = new double[k];
        double[] var = new double[k];
        double[] pi = new double[k];
        for (int c = 0; c < k; c++) {
            mu[c] = distinct[(int) ((c + 0.5) * distinct.length / k)];
            pi[c] = 1.0 / k;
        }
        double spread = Math.max(variance(x), minSigma * minSigma);
        for (int c = 0; c < k; c++) {
            // half the gap to the nearest neighbouring mean, so that neighbours start apart
            double gap = Math.min(c > 0 ? mu[c] - mu[c - 1] : Double.POSITIVE_INFINITY,
                    c < k - 1 ? mu[c + 1] - mu[c] : Double.POSITIVE_INFINITY);
            var[c] = k == 1 ? spread : Math.max(gap * gap / 4, minSigma * minSigma);
        }
        expectationMaximization(x, mu, var, pi, minSigma * minSigma);
        return keepHeavy(mu, var, pi);
    }

    private static void expectationMaximization(double[] x, double[] mu, double[] var, double[] pi, double minVar) {
        int k = mu.length;
        double[] resp = new double[k];
        double previous = Double.NEGATIVE_INFINITY;
        for (int it = 0; it < ITERATIONS; it++) {
            double[] n = new double[k];
            double[] sx = new double[k];
            double[] sxx = new double[k];
            double logLikelihood = 0;
            for (double v : x) {
                logLikelihood += responsibilities(v, mu, var, pi, resp);
                for (int c = 0; c < k; c++) {
                    n[c] += resp[c];
                    sx[c] += resp[c] * v;
                }
            }
            for (int c = 0; c < k; c++) {
                mu[c] = n[c] > 0 ? sx[c] / n[c] : mu[c];
            }
            for (double v : x) {
                responsibilities(v, mu, var, pi, resp);
                for (int c = 0; c < k; c++) {
                    sxx[c] += resp[c] * (v - mu[c]) * (v - mu[c]);
                }
            }
            for (int c = 0; c < k; c++) {
                var[c] = n[c] > 0 ? Math.max(sxx[c] / n[c], minVar) : var[c];
                pi[c] = Math.max(n[c] / x.length, 1e-300);
            }
            if (Math.abs(logLikelihood - previous) <= TOLERANCE * Math.abs(logLikelihood)) {
                return;
            }
            previous = logLikelihood;
        }
    }

    /** Fills resp with the posterior of each component at v; returns log p(v). */
    private static double responsibilities(double v, double[] mu, double[] var, double[] pi, double[] resp) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < mu.length; c++) {
            resp[c] = Math.log(pi[c]) - 0.5 * Math.log(var[c]) - (v - mu[c]) * (v - mu[c]) / (2 * var[c]);
            max = Math.max(max, resp[c]);
        }
        double total = 0;
        for (int c = 0; c < mu.length; c++) {
            resp[c] = Math.exp(resp[c] - max);
            total += resp[c];
        }
        for (int c = 0; c < mu.length; c++) {
            resp[c] /= total;
        }
        return max + Math.log(total) - LOG_SQRT_2PI;
    }

    private static ModeNormalizer keepHeavy(double[] mu, double[] var, double[] pi) {
        int kept = 0;
        for (double p : pi) {
            kept += p >= MIN_WEIGHT ? 1 : 0;
        }
        double[] m = new double[kept];
        double[] s = new double[kept];
        double[] w = new double[kept];
        int i = 0;
        for (int c = 0; c < pi.length; c++) {
            if (pi[c] >= MIN_WEIGHT) {
                m[i] = mu[c];
                s[i] = Math.sqrt(var[c]);
                w[i++] = pi[c];
            }
        }
        return new ModeNormalizer(m, s, w);
    }

    private static double variance(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        return Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length;
    }

    public int modes() {
        return means.length;
    }

    public double mean(int mode) {
        return means[mode];
    }

    public double sigma(int mode) {
        return sigmas[mode];
    }

    /** argmax_k π_k N(x; μ_k, σ_k). */
    public int modeOf(double x) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < means.length; c++) {
            double z = (x - means[c]) / sigmas[c];
            double score = logWeights[c] - Math.log(sigmas[c]) - 0.5 * z * z;
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** α = (x − μ_k) / (4 σ_k), clipped to [−0.99, 0.99]. */
    public double offset(double x, int mode) {
        return Math.clamp((x - means[mode]) / (4 * sigmas[mode]), -0.99, 0.99);
    }

    /** x = μ_k + 4 σ_k α. */
    public double value(int mode, double offset) {
        return means[mode] + 4 * sigmas[mode] * offset;
    }
}
