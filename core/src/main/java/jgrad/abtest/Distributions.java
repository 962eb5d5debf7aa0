package jgrad.abtest;

/**
 * The standard normal and χ² distributions the tests need, from the regularized incomplete gamma function:
 * <pre>
 *   Φ(x)           = ½ erfc(−x/√2),   erfc(y) = Q(½, y²) for y ≥ 0
 *   P(χ²_k ≥ x)    = Q(k/2, x/2)
 *   Q(a, x)        = Γ(a, x) / Γ(a)
 * </pre>
 * Q is summed as the series of P = 1 − Q for x &lt; a + 1 and as its continued fraction otherwise (the
 * split of Press et al., <i>Numerical Recipes</i> §6.2), so both tails keep full relative precision; ln Γ is
 * Stirling's series. Φ⁻¹ starts from Abramowitz and Stegun 26.2.23 and is
 * polished by Newton steps on Φ.
 */
public final class Distributions {

    private static final double EPS = 1e-16;
    private static final int MAX_TERMS = 10_000;

    private Distributions() {
    }

    /** Φ(x), the standard normal distribution function. */
    public static double normalCdf(double x) {
        double y = Math.abs(x) / Math.sqrt(2);
        double tail = 0.5 * upperGamma(0.5, y * y);        // P(Z > |x|)
        return x >= 0 ? 1 - tail : tail;
    }

    /** P(Z > x) without the cancellation of 1 − Φ(x) in the upper tail. */
    public static double normalSurvival(double x) {
        return normalCdf(-x);
    }

    /** φ(x), the standard normal density. */
    public static double normalPdf(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** Φ⁻¹(p) for 0 &lt; p &lt; 1. */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a normal quantile needs 0 < p < 1, got " + p);
        }
        double q = Math.min(p, 1 - p);
        double t = Math.sqrt(-2 * Math.log(q));
        double x = t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
                / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
        x = p < 0.5 ? -x : x;
        for (int i = 0; i < 6; i++) {
            double step = (normalCdf(x) - p) / normalPdf(x);
            x -= step;
            if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(x))) {
                break;
            }
        }
        return x;
    }

    /** P(χ²_df ≥ x), the p-value of a χ² statistic. */
    public static double chiSquareSurvival(double x, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("a χ² distribution needs at least 1 degree of freedom, got " + df);
        }
        return x <= 0 ? 1 : upperGamma(df / 2.0, x / 2);
    }

    /** Q(a, x) = Γ(a, x)/Γ(a), the regularized upper incomplete gamma function, for a &gt; 0, x ≥ 0. */
    public static double upperGamma(double a, double x) {
        if (!(a > 0) || !(x >= 0)) {
            throw new IllegalArgumentException("Q(a, x) needs a > 0 and x >= 0, got a=" + a + ", x=" + x);
        }
        if (x == 0) {
            return 1;
        }
        return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
    }

    /** P(a, x) = e^−x x^a / Γ(a+1) · Σ_n x^n / ((a+1)…(a+n)). */
    private static double lowerSeries(double a, double x) {
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n < MAX_TERMS && Math.abs(term) > Math.abs(sum) * EPS; n++) {
            term *= x / (a + n);
            sum += term;
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    /**
     * Q(a, x) = e^−x x^a / Γ(a) · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))), evaluated by the
     * modified Lentz method.
     */
    private static double upperFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_TERMS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /**
     * ln Γ(a) for a &gt; 0: Stirling's series with the Bernoulli terms up to B₁₂, after shifting the argument above
     * 15 with Γ(a) = Γ(a+n) / (a(a+1)…(a+n−1)), where the omitted terms are below 1e-16.
     */
    static double logGamma(double a) {
        double shift = 0;
        double x = a;
        while (x < 15) {
            shift += Math.log(x);
            x += 1;
        }
        double r = 1 / (x * x);
        double series = (1.0 / 12 - r * (1.0 / 360 - r * (1.0 / 1260 - r * (1.0 / 1680 - r * (1.0 / 1188
                - r * 691.0 / 360360))))) / x;
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
    }
}
