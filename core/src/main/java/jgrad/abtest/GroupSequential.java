package jgrad.abtest;

import java.util.function.DoubleUnaryOperator;

/**
 * Two-sided group-sequential boundaries for a z-statistic looked at K times. At information fractions
 * t₁ &lt; … &lt; t_K ≤ 1 the statistics Z_k = S_k / √t_k come from a Brownian motion S with independent increments
 * S_k − S_{k−1} ~ N(0, t_k − t_{k−1}) under the null hypothesis; the test rejects at the first look with
 * |Z_k| ≥ c_k. Its exit probabilities are computed by recursive numerical integration (Armitage, McPherson and
 * Rowe 1969; Jennison and Turnbull, <i>Group Sequential Methods</i>, 2000, §19.2): with f_k the sub-density of
 * S_k on the paths that have not stopped,
 * <pre>
 *   f₁(s)      = φ(s/√t₁)/√t₁
 *   f_k(s)     = ∫_{|u| &lt; b_{k−1}} f_{k−1}(u) φ((s−u)/√Δ_k)/√Δ_k du,      b_k = c_k √t_k,  Δ_k = t_k − t_{k−1}
 *   exit_k     = ∫_{|u| &lt; b_{k−1}} f_{k−1}(u) [Φ((−b_k−u)/√Δ_k) + Φ((u−b_k)/√Δ_k)] du
 * </pre>
 * each integral by Simpson's rule on {@value #GRID} points. Two boundaries:
 * <ul>
 *   <li>{@link #boundaries}: from an {@link AlphaSpending} function, c_k solves exit_k = α(t_k) − α(t_{k−1})
 *       (Lan and DeMets 1983), so the looks need not be planned;</li>
 *   <li>{@link #obrienFleming}: the original O'Brien and Fleming (1979) boundary for K equally spaced looks,
 *       c_k = C·√(K/k), with C such that Σ exit_k = α.</li>
 * </ul>
 * Plain Java over host numbers: statistics of a test, not tensor code.
 */
public final class GroupSequential {

    /** Simpson points per integral: odd; the integrands are smooth, so this is accurate to about 1e-9. */
    private static final int GRID = 801;
    private static final double SEARCH_TOP = 40;

    private GroupSequential() {
    }

    /** The z-boundaries c_k that spend {@code spending} at the looks {@code fractions}. */
    public static double[] boundaries(double[] fractions, AlphaSpending spending) {
        requireFractions(fractions);
        double[] c = new double[fractions.length];
        Density density = null;
        double spentBefore = 0;
        for (int k = 0; k < fractions.length; k++) {
            double spent = spending.spent(fractions[k]);
            double target = spent - spentBefore;
            if (!(target > 0)) {
                throw new IllegalArgumentException("look " + (k + 1) + " at t = " + fractions[k] + " spends nothing more ("
                        + spent + " by then): a boundary needs α(t) to grow between looks");
            }
            Density previous = density;
            double t = fractions[k];
            double sd = Math.sqrt(k == 0 ? t : t - fractions[k - 1]);
            c[k] = solve(z -> exit(previous, z * Math.sqrt(t), sd, t) - target);
            density = next(previous, c[k] * Math.sqrt(t), sd, t);
            spentBefore = spent;
        }
        return c;
    }

    /** O'Brien and Fleming's boundaries C·√(K/k) for {@code looks} equally spaced looks at two-sided level alpha. */
    public static double[] obrienFleming(int looks, double alpha) {
        if (looks < 1 || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("needs at least one look and a level in (0, 1), got " + looks + " looks, α = "
                    + alpha);
        }
        double[] t = new double[looks];
        for (int k = 0; k < looks; k++) {
            t[k] = (k + 1.0) / looks;
        }
        double constant = solve(cK -> totalExit(t, shape(cK, looks)) - alpha);
        return shape(constant, looks);
    }

    /** The probability under the null that some look k has |Z_k| ≥ c_k. */
    public static double totalExit(double[] fractions, double[] c) {
        requireFractions(fractions);
        if (c.length != fractions.length) {
            throw new IllegalArgumentException(c.length + " boundaries for " + fractions.length + " looks");
        }
        double total = 0;
        Density density = null;
        for (int k = 0; k < fractions.length; k++) {
            double t = fractions[k];
            double sd = Math.sqrt(k == 0 ? t : t - fractions[k - 1]);
            total += exit(density, c[k] * Math.sqrt(t), sd, t);
            density = next(density, c[k] * Math.sqrt(t), sd, t);
        }
        return total;
    }

    private static double[] shape(double constant, int looks) {
        double[] c = new double[looks];
        for (int k = 0; k < looks; k++) {
            c[k] = constant * Math.sqrt((double) looks / (k + 1));
        }
        return c;
    }

    /** The continuing paths' sub-density of S at one look, on a Simpson grid over (−b, b). */
    private record Density(double[] points, double[] weightedValues) {
    }

    /** P(stop at this look) given the density at the last one (null before the first look). */
    private static double exit(Density before, double b, double sd, double t) {
        if (before == null) {
            return 2 * Distributions.normalSurvival(b / Math.sqrt(t));
        }
        double p = 0;
        for (int i = 0; i < before.points.length; i++) {
            double u = before.points[i];
            p += before.weightedValues[i] * (Distributions.normalCdf((-b - u) / sd) + Distributions.normalCdf((u - b) / sd));
        }
        return p;
    }

    private static Density next(Density before, double b, double sd, double t) {
        double[] s = new double[GRID];
        double[] weighted = new double[GRID];
        double h = 2 * b / (GRID - 1);
        for (int j = 0; j < GRID; j++) {
            s[j] = -b + j * h;
            double f = 0;
            if (before == null) {
                f = Distributions.normalPdf(s[j] / Math.sqrt(t)) / Math.sqrt(t);
            } else {
                for (int i = 0; i < before.points.length; i++) {
                    f += before.weightedValues[i] * Distributions.normalPdf((s[j] - before.points[i]) / sd) / sd;
                }
            }
            weighted[j] = f * simpsonWeight(j, h);
        }
        return new Density(s, weighted);
    }

    private static double simpsonWeight(int j, double h) {
        if (j == 0 || j == GRID - 1) {
            return h / 3;
        }
        return (j % 2 == 1 ? 4 : 2) * h / 3;
    }

    /** The root of a decreasing function on (0, SEARCH_TOP) by bisection. */
    private static double solve(DoubleUnaryOperator f) {
        double lo = 0;
        double hi = SEARCH_TOP;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (f.applyAsDouble(mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static void requireFractions(double[] fractions) {
        if (fractions.length == 0) {
            throw new IllegalArgumentException("a sequential test needs at least one look");
        }
        for (int k = 0; k < fractions.length; k++) {
            double before = k == 0 ? 0 : fractions[k - 1];
            if (!(fractions[k] > before && fractions[k] <= 1)) {
                throw new IllegalArgumentException("information fractions must increase within (0, 1], got t"
                        + (k + 1) + " = " + fractions[k] + " after " + before);
            }
        }
    }
}
