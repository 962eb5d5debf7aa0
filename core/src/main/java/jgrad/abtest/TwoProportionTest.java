package jgrad.abtest;

/**
 * The comparison of a treatment's rate p₂ with a control's p₁.
 * <ul>
 *   <li>the pooled two-proportion z-test: p̄ = (x₁+x₂)/(n₁+n₂), z = (p̂₂ − p̂₁)/√(p̄(1−p̄)(1/n₁+1/n₂)),
 *       two-sided p = 2·P(Z &gt; |z|) (as statsmodels' {@code proportions_ztest});</li>
 *   <li>Newcombe's hybrid score interval for d = p₂ − p₁ (Newcombe 1998, method 10), from the Wilson
 *       intervals [l₁, u₁], [l₂, u₂]: [d − √((p̂₂−l₂)² + (u₁−p̂₁)²), d + √((u₂−p̂₂)² + (p̂₁−l₁)²)];</li>
 *   <li>the relative lift p₂/p₁ − 1 with the log risk-ratio interval (Katz et al. 1978):
 *       exp(ln(p̂₂/p̂₁) ± z·√(1/x₂ − 1/n₂ + 1/x₁ − 1/n₁)) − 1. It is NaN when either group has no
 *       successes, where the ratio or its standard error is undefined.</li>
 * </ul>
 */
public record TwoProportionTest(Proportion control, Proportion treatment, double confidence, double z, double pValue,
                                Interval difference, double relativeLift, Interval relativeLiftInterval) {

    /** Tests {@code treatment} against {@code control} at the given confidence level (e.g. 0.95). */
    public static TwoProportionTest of(Proportion control, Proportion treatment, double confidence) {
        double zCrit = Proportion.zFor(confidence);
        double p1 = control.rate();
        double p2 = treatment.rate();
        double n1 = control.trials();
        double n2 = treatment.trials();
        double pooled = (control.successes() + treatment.successes()) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        // both groups all-success or all-failure: no variation, so no evidence of a difference
        double z = se == 0 ? 0 : (p2 - p1) / se;
        double pValue = Math.min(1, 2 * Distributions.normalSurvival(Math.abs(z)));
        return new TwoProportionTest(control, treatment, confidence, z, pValue,
                newcombe(control, treatment, confidence), p2 / p1 - 1, liftInterval(control, treatment, zCrit));
    }

    /** p̂₂ − p̂₁. */
    public double observedDifference() {
        return treatment.rate() - control.rate();
    }

    private static Interval newcombe(Proportion control, Proportion treatment, double confidence) {
        double p1 = control.rate();
        double p2 = treatment.rate();
        Interval w1 = control.wilson(confidence);
        Interval w2 = treatment.wilson(confidence);
        double d = p2 - p1;
        double below = Math.sqrt(square(p2 - w2.lower()) + square(w1.upper() - p1));
        double above = Math.sqrt(square(w2.upper() - p2) + square(p1 - w1.lower()));
        return new Interval(d - below, d + above);
    }

    private static Interval liftInterval(Proportion control, Proportion treatment, double zCrit) {
        long x1 = control.successes();
        long x2 = treatment.successes();
        if (x1 == 0 || x2 == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double logRatio = Math.log(treatment.rate() / control.rate());
        double se = Math.sqrt(1.0 / x2 - 1.0 / treatment.trials() + 1.0 / x1 - 1.0 / control.trials());
        return new Interval(Math.exp(logRatio - zCrit * se) - 1, Math.exp(logRatio + zCrit * se) - 1);
    }

    private static double square(double v) {
        return v * v;
    }
}
