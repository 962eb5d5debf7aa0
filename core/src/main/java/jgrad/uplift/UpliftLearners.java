package jgrad.uplift;

import jgrad.bandit.LogisticRegression;

/**
 * The meta-learners, each over ridge logistic regressions ({@link LogisticRegression}, λ = 1e-3):
 * <ul>
 *   <li>T-learner: μ̂₁ on the treated rows, μ̂₀ on the control rows; τ̂(x) = μ̂₁(x) − μ̂₀(x);</li>
 *   <li>S-learner: one model μ̂(x, t) on [x, t, t·x] (a linear model needs the interactions t·x for the effect to
 *       depend on x); τ̂(x) = μ̂(x, 1) − μ̂(x, 0);</li>
 *   <li>class transformation (Jaskowski and Jaroszewicz 2012): z = 1 when (t=1, y=1) or (t=0, y=0); with treated
 *       share p = ½, P(z=1|x) = ½ + ½τ(x), so τ̂(x) = 2P̂(z=1|x) − 1. It holds for a 50/50 experiment only: a
 *       treated share further than 0.05 from ½ is refused.</li>
 * </ul>
 */
public final class UpliftLearners {

    private static final double LAMBDA = 1e-3;
    private static final int ITERATIONS = 50;

    private UpliftLearners() {
    }

    public static UpliftModel tLearner(UpliftData data) {
        double[] w1 = fitGroup(data, 1);
        double[] w0 = fitGroup(data, 0);
        return x -> LogisticRegression.probability(w1, x) - LogisticRegression.probability(w0, x);
    }

    public static UpliftModel sLearner(UpliftData data) {
        double[][] x = new double[data.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = withTreatment(data.features()[i], data.treatment()[i]);
        }
        double[] w = LogisticRegression.fit(x, data.outcome(), LAMBDA, ITERATIONS);
        return row -> LogisticRegression.probability(w, withTreatment(row, 1))
                - LogisticRegression.probability(w, withTreatment(row, 0));
    }

    public static UpliftModel classTransformation(UpliftData data) {
        double p = data.treatedShare();
        if (Math.abs(p - 0.5) > 0.05) {
            throw new IllegalArgumentException("the class transformation assumes half the rows treated, got "
                    + String.format(java.util.Locale.ROOT, "%.3f", p));
        }
        double[] z = new double[data.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = data.treatment()[i] == data.outcome()[i] ? 1 : 0;
        }
        double[] w = LogisticRegression.fit(data.features(), z, LAMBDA, ITERATIONS);
        return x -> 2 * LogisticRegression.probability(w, x) - 1;
    }

    /** The ridge logistic regression of the outcome on the rows of one group (0 control, 1 treated). */
    static double[] groupWeights(UpliftData data, int group) {
        return fitGroup(data, group);
    }

    private static double[] fitGroup(UpliftData data, int group) {
        int count = 0;
        for (int t : data.treatment()) {
            count += t == group ? 1 : 0;
        }
        double[][] x = new double[count][];
        double[] y = new double[count];
        for (int i = 0, k = 0; i < data.size(); i++) {
            if (data.treatment()[i] == group) {
                x[k] = data.features()[i];
                y[k++] = data.outcome()[i];
            }
        }
        return LogisticRegression.fit(x, y, LAMBDA, ITERATIONS);
    }

    /** [x, t, t·x]. */
    static double[] withTreatment(double[] x, int t) {
        double[] v = new double[2 * x.length + 1];
        System.arraycopy(x, 0, v, 0, x.length);
        v[x.length] = t;
        for (int j = 0; j < x.length; j++) {
            v[x.length + 1 + j] = t * x[j];
        }
        return v;
    }
}
