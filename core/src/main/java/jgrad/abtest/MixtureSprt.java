package jgrad.abtest;

/**
 * An always-valid test of p₂ = p₁ that may be looked at after every batch of visitors: the mixture
 * sequential probability ratio test (mSPRT) of Johari, Pekelis and Walsh, <i>Always valid inference:
 * continuous monitoring of A/B tests</i> (2017, Operations Research 2022), with a normal mixture
 * θ ~ N(0, τ²) over the difference and the normal approximation of θ̂ = p̂₂ − p̂₁ with variance
 * v = p̂₁(1−p̂₁)/n₁ + p̂₂(1−p̂₂)/n₂:
 * <pre>
 *   Λ = √(v/(v+τ²)) · exp(θ̂²·τ² / (2v(v+τ²)))
 *   p_t = min(p_{t−1}, 1/Λ_t),  p_0 = 1         (the always-valid p-value)
 * </pre>
 * For n pairs with a common variance σ², v = 2σ²/n and Λ is the paper's eq. (11). By Ville's inequality
 * P(some Λ_t ≥ 1/α | θ = 0) ≤ α, so stopping at the first look where p_t ≤ α keeps the false-positive rate
 * at α however often one looks. τ is the scale of the differences one expects (e.g. the minimum
 * detectable effect).
 */
public final class MixtureSprt {

    private final double tauSquared;
    private double pValue = 1;
    private int looks;

    public MixtureSprt(double tau) {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("the mixture's scale τ must be positive and finite, got " + tau);
        }
        this.tauSquared = tau * tau;
    }

    /** Λ for the cumulative counts so far (1 when neither group varies yet: no evidence either way). */
    public double likelihoodRatio(Proportion control, Proportion treatment) {
        double p1 = control.rate();
        double p2 = treatment.rate();
        double v = p1 * (1 - p1) / control.trials() + p2 * (1 - p2) / treatment.trials();
        if (v == 0) {
            return 1;
        }
        double theta = p2 - p1;
        return Math.sqrt(v / (v + tauSquared)) * Math.exp(theta * theta * tauSquared / (2 * v * (v + tauSquared)));
    }

    /** Takes one look at the cumulative counts and returns the always-valid p-value after it. */
    public double look(Proportion control, Proportion treatment) {
        looks++;
        pValue = Math.min(pValue, 1 / likelihoodRatio(control, treatment));
        return pValue;
    }

    /** The always-valid p-value after the looks so far (1 before the first). */
    public double pValue() {
        return pValue;
    }

    public int looks() {
        return looks;
    }
}
