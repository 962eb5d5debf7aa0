package jgrad.campaign;

import jgrad.abtest.Distributions;
import jgrad.abtest.Interval;

/**
 * What a targeting policy would have earned, read off a randomized experiment's held-out rows by inverse
 * propensity weighting (Horvitz and Thompson 1952). Row i was given arm A_i with the design's known probability
 * e(A_i) and showed outcome Y_i; a policy gives each row's arms probabilities π(a | i). Then
 * <pre>
 *   V̂(π) = (1/n) Σᵢ π(A_i | i) · Y_i / e(A_i)
 * </pre>
 * is unbiased for the outcomes per customer had every customer been treated by π: a row counts when the arm the
 * policy picks is the one the experiment happened to give it, weighted by how rarely that happens. Its standard
 * error is the sample standard deviation of the n terms over √n, and the interval is normal; two policies are
 * compared on the same rows by the mean of the paired term differences, so what the rows share cancels.
 * ({@code jgrad.ope.OffPolicyEstimates} holds IPS for policies of a context; a campaign under a budget is a policy
 * of the whole population — who is mailed depends on everyone's rank — so here a policy is given row by row.)
 */
public final class RandomizedPolicyValue {

    /** An estimate with its standard error and interval; {@code matched} rows had the arm the policy may pick. */
    public record Estimate(double value, double standardError, Interval interval, int matched) {
    }

    private final int[] arms;
    private final double[] outcomes;
    private final double[] propensity;
    private final double z;

    /**
     * @param arms each row's randomized arm, 0 … propensity.length − 1
     * @param outcomes each row's outcome
     * @param propensity the design's probability of each arm, each in (0, 1]
     * @param confidence of the intervals, in (0, 1)
     */
    public RandomizedPolicyValue(int[] arms, double[] outcomes, double[] propensity, double confidence) {
        if (arms.length < 2 || arms.length != outcomes.length) {
            throw new IllegalArgumentException("policy values need at least 2 rows with one arm and one outcome each,"
                    + " got " + arms.length + " arms and " + outcomes.length + " outcomes");
        }
        for (int a = 0; a < propensity.length; a++) {
            if (!(propensity[a] > 0 && propensity[a] <= 1)) {
                throw new IllegalArgumentException("arm " + a + ": propensity " + propensity[a]
                        + " is not in (0, 1]; an importance weight divides by it");
            }
        }
        for (int i = 0; i < arms.length; i++) {
            if (arms[i] < 0 || arms[i] >= propensity.length) {
                throw new IllegalArgumentException("row " + (i + 1) + ": arm " + arms[i] + " is outside 0.."
                        + (propensity.length - 1));
            }
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        this.arms = arms.clone();
        this.outcomes = outcomes.clone();
        this.propensity = propensity.clone();
        this.z = Distributions.normalQuantile(1 - (1 - confidence) / 2);
    }

    public int rows() {
        return arms.length;
    }

    /** V̂(π) for {@code policy[i][a]} = π(a | row i). */
    public Estimate value(double[][] policy) {
        return summarize(terms(policy), matched(policy));
    }

    /** V̂(π₁) − V̂(π₂) on the same rows, with the interval of the paired differences. */
    public Estimate difference(double[][] first, double[][] second) {
        double[] a = terms(first);
        double[] b = terms(second);
        for (int i = 0; i < a.length; i++) {
            a[i] -= b[i];
        }
        return summarize(a, matched(first));
    }

    private double[] terms(double[][] policy) {
        if (policy.length != arms.length) {
            throw new IllegalArgumentException("a policy for " + policy.length + " rows, the experiment has "
                    + arms.length);
        }
        double[] t = new double[arms.length];
        for (int i = 0; i < t.length; i++) {
            if (policy[i].length != propensity.length) {
                throw new IllegalArgumentException("row " + (i + 1) + ": the policy gives " + policy[i].length
                        + " arm probabilities, the experiment has " + propensity.length + " arms");
            }
            t[i] = policy[i][arms[i]] * outcomes[i] / propensity[arms[i]];
        }
        return t;
    }

    private int matched(double[][] policy) {
        int m = 0;
        for (int i = 0; i < arms.length; i++) {
            m += policy[i][arms[i]] > 0 ? 1 : 0;
        }
        return m;
    }

    private Estimate summarize(double[] t, int matched) {
        int n = t.length;
        double mean = 0;
        for (double v : t) {
            mean += v / n;
        }
        double ss = 0;
        for (double v : t) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        return new Estimate(mean, se, new Interval(mean - z * se, mean + z * se), matched);
    }
}
