package jgrad.abtest;

/**
 * An alpha-spending function α(t) of Lan and DeMets (<i>Discrete sequential boundaries for clinical trials</i>,
 * Biometrika 70, 1983): the share of the two-sided false-positive budget α a sequential test may have used by
 * the information fraction t ∈ (0, 1] (the share of the planned visitors seen so far), non-decreasing with
 * α(1) = α. {@link GroupSequential#boundaries} turns it into z-boundaries, one per look, for looks taken at any
 * fractions, planned or not.
 *
 * <p>Both functions here spend α/2 on each side, as gsDesign, ldbounds and SAS's SEQDESIGN do for a two-sided
 * symmetric test:
 * <pre>
 *   O'Brien–Fleming type   α(t) = 2 · (2 − 2Φ(z_{1−α/4} / √t))      (almost nothing early, most at the end)
 *   Pocock type            α(t) = α · ln(1 + (e − 1)·t)
 * </pre>
 */
@FunctionalInterface
public interface AlphaSpending {

    /** α(t), the two-sided error spent by information fraction t. */
    double spent(double t);

    /** The O'Brien–Fleming-type function for a two-sided level {@code alpha}. */
    static AlphaSpending obrienFleming(double alpha) {
        requireLevel(alpha);
        double z = Distributions.normalQuantile(1 - alpha / 4);
        return t -> 4 * Distributions.normalSurvival(z / Math.sqrt(t));
    }

    /** The Pocock-type function for a two-sided level {@code alpha}. */
    static AlphaSpending pocock(double alpha) {
        requireLevel(alpha);
        return t -> alpha * Math.log(1 + (Math.E - 1) * t);
    }

    private static void requireLevel(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("a significance level must lie in (0, 1), got " + alpha);
        }
    }
}
