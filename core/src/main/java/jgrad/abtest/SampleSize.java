package jgrad.abtest;

/**
 * Sample size and power of the two-sided two-proportion z-test with equal groups, for a baseline rate p₁
 * and a minimum detectable effect δ (absolute: p₂ = p₁ + δ), by the normal approximation without
 * continuity correction (Fleiss, Levin and Paik, <i>Statistical Methods for Rates and Proportions</i>, §4.2):
 * <pre>
 *   n per group = ⌈(z_{1−α/2}·√(2p̄(1−p̄)) + z_{1−β}·√(p₁(1−p₁) + p₂(1−p₂)))² / δ²⌉,   p̄ = (p₁+p₂)/2
 *   power(n)    = Φ((|δ|·√n − z_{1−α/2}·√(2p̄(1−p̄))) / √(p₁(1−p₁) + p₂(1−p₂)))
 * </pre>
 * (the power ignores the far tail, whose probability is below α/2).
 */
public final class SampleSize {

    private SampleSize() {
    }

    /** Visitors needed in each group to detect {@code mde} with probability {@code power} at level {@code alpha}. */
    public static long perGroup(double baseline, double mde, double alpha, double power) {
        check(baseline, mde, alpha);
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must lie strictly between 0 and 1, got " + power);
        }
        double p2 = baseline + mde;
        double pBar = (baseline + p2) / 2;
        double a = Distributions.normalQuantile(1 - alpha / 2) * Math.sqrt(2 * pBar * (1 - pBar));
        double b = Distributions.normalQuantile(power) * Math.sqrt(baseline * (1 - baseline) + p2 * (1 - p2));
        return (long) Math.ceil((a + b) * (a + b) / (mde * mde));
    }

    /** The probability that a test with {@code n} visitors per group detects {@code mde} at level {@code alpha}. */
    public static double power(double baseline, double mde, long n, double alpha) {
        check(baseline, mde, alpha);
        if (n < 1) {
            throw new IllegalArgumentException("a group needs at least 1 visitor, got " + n);
        }
        double p2 = baseline + mde;
        double pBar = (baseline + p2) / 2;
        double a = Distributions.normalQuantile(1 - alpha / 2) * Math.sqrt(2 * pBar * (1 - pBar));
        double spread = Math.sqrt(baseline * (1 - baseline) + p2 * (1 - p2));
        return Distributions.normalCdf((Math.abs(mde) * Math.sqrt(n) - a) / spread);
    }

    private static void check(double baseline, double mde, double alpha) {
        if (!(baseline > 0 && baseline < 1)) {
            throw new IllegalArgumentException("the baseline rate must lie strictly between 0 and 1, got " + baseline);
        }
        if (!(mde != 0 && baseline + mde > 0 && baseline + mde < 1)) {
            throw new IllegalArgumentException("the minimum detectable effect must be non-zero and keep the rate inside"
                    + " (0, 1), got " + mde + " on a baseline of " + baseline);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie strictly between 0 and 1, got " + alpha);
        }
    }
}
