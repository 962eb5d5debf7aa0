package jgrad.privacy.dp;

/**
 * The Rényi differential privacy of one step of the Poisson-subsampled Gaussian mechanism (each example
 * joins the batch with probability q; Gaussian noise of standard deviation σ times the sensitivity is added
 * to the sum), after Mironov, Talwar and Zhang, "Rényi Differential Privacy of the Sampled Gaussian
 * Mechanism" (2019): RDP(α) = log(A_α) / (α − 1) with
 * A_α = E_{z∼N(0,σ²)}[((1 − q) + q·e^{(2z − 1)/(2σ²)})^α].
 *
 * <p>For an integer α the binomial expansion is exact and finite:
 * A_α = Σ_{k=0}^{α} C(α,k) (1 − q)^{α−k} q^k e^{(k² − k)/(2σ²)}. For a fractional α the paper's §3.3 splits
 * the integral at z₀ = σ² log(1/q − 1) + 1/2 into two convergent series, A_α = Σ_{i≥0} (S0_i + S1_i), with
 * S0_i = C(α,i) q^i (1 − q)^{α−i} e^{(i² − i)/(2σ²)} · ½ erfc((i − z₀)/(√2 σ)) and
 * S1_i = C(α,i) q^{α−i} (1 − q)^i e^{((α−i)² − (α−i))/(2σ²)} · ½ erfc((z₀ − (α − i))/(√2 σ)),
 * where C(α,i) changes sign once i exceeds α. Every term is summed in log space. When q is large and σ small
 * the terms fall only polynomially; a series not converged after {@value #MAX_TERMS} terms gives +∞, the
 * trivially valid bound, so that the accountant passes over that order.
 */
public final class SubsampledGaussian {

    /** Series terms below e^{-40} of the largest are dropped: far beyond double precision of the sum. */
    private static final double NEGLIGIBLE = -40;

    private static final int MAX_TERMS = 10_000;

    private SubsampledGaussian() {
    }

    /** RDP of order {@code alpha} > 1 of one step with sample rate {@code q} ∈ [0, 1] and noise multiplier σ > 0. */
    public static double rdp(double q, double sigma, double alpha) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("the sample rate q must be in [0, 1], got " + q);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("the noise multiplier must be positive and finite to account for it, got "
                    + sigma);
        }
        if (!(alpha > 1) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("an RDP order must be above 1 and finite, got " + alpha);
        }
        if (q == 0) {
            return 0;
        }
        if (q == 1) {
            return alpha / (2 * sigma * sigma);      // the plain Gaussian mechanism
        }
        double logA = alpha == Math.rint(alpha) ? logAInteger(q, sigma, (int) alpha) : logAFractional(q, sigma, alpha);
        return logA / (alpha - 1);
    }

    private static double logAInteger(double q, double sigma, int alpha) {
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        double logBinom = 0;                           // log C(α, 0)
        double sum = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= alpha; k++) {
            if (k > 0) {
                logBinom += Math.log(alpha - k + 1) - Math.log(k);
            }
            double term = logBinom + k * logQ + (alpha - k) * log1mQ + (k * (double) k - k) / (2 * sigma * sigma);
            sum = LogMath.logAdd(sum, term);
        }
        return sum;
    }

    private static double logAFractional(double q, double sigma, double alpha) {
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        double twoSigma2 = 2 * sigma * sigma;
        double z0 = sigma * sigma * Math.log(1 / q - 1) + 0.5;
        double sqrt2Sigma = Math.sqrt(2) * sigma;
        double logHalf = Math.log(0.5);
        SignedLogSum a = new SignedLogSum();
        double logAbsBinom = 0;                        // log |C(α, i)|
        int binomSign = 1;
        for (int i = 0; i < MAX_TERMS; i++) {
            if (i > 0) {
                double factor = (alpha - i + 1) / i;
                binomSign *= factor < 0 ? -1 : 1;
                logAbsBinom += Math.log(Math.abs(factor));
            }
            double j = alpha - i;
            double s0 = logAbsBinom + i * logQ + j * log1mQ + (i * (double) i - i) / twoSigma2
                    + logHalf + LogMath.logErfc((i - z0) / sqrt2Sigma);
            double s1 = logAbsBinom + j * logQ + i * log1mQ + (j * j - j) / twoSigma2
                    + logHalf + LogMath.logErfc((z0 - j) / sqrt2Sigma);
            a.add(binomSign, s0);
            a.add(binomSign, s1);
            if (i > alpha && Math.max(s0, s1) < a.logAbs() + NEGLIGIBLE) {
                return a.logAbs();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** A sum of signed terms given by their logarithms. */
    private static final class SignedLogSum {
        private double logPositive = Double.NEGATIVE_INFINITY;
        private double logNegative = Double.NEGATIVE_INFINITY;

        void add(int sign, double logTerm) {
            if (sign > 0) {
                logPositive = LogMath.logAdd(logPositive, logTerm);
            } else {
                logNegative = LogMath.logAdd(logNegative, logTerm);
            }
        }

        /** log of the sum, which the mechanism guarantees is positive. */
        double logAbs() {
            return LogMath.logSub(logPositive, logNegative);
        }
    }
}
