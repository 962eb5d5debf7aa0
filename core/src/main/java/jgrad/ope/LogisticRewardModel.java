package jgrad.ope;

import jgrad.bandit.LogisticRegression;

/**
 * q̂(x, a) = σ(ŵ_aᵀx), one ridge logistic regression per action fitted on the log's rounds with that action
 * (rewards 0/1). An action the log never took has nothing to fit on: that is an error naming it.
 */
public final class LogisticRewardModel implements RewardModel {

    private final double[][] weights;

    private LogisticRewardModel(double[][] weights) {
        this.weights = weights;
    }

    public static LogisticRewardModel fit(BanditLog log, double lambda) {
        double[][] weights = new double[log.actions()][];
        for (int a = 0; a < log.actions(); a++) {
            int count = 0;
            for (int taken : log.actionsTaken()) {
                count += taken == a ? 1 : 0;
            }
            if (count == 0) {
                throw new IllegalArgumentException("action " + a + " was never logged, so the reward model has no round to"
                        + " learn it from (the direct and doubly robust estimators need one)");
            }
            double[][] x = new double[count][];
            double[] y = new double[count];
            for (int i = 0, k = 0; i < log.size(); i++) {
                if (log.actionsTaken()[i] == a) {
                    x[k] = log.contexts()[i];
                    y[k++] = log.rewards()[i];
                }
            }
            weights[a] = LogisticRegression.fit(x, y, lambda, 50);
        }
        return new LogisticRewardModel(weights);
    }

    @Override
    public double[] predict(double[] context) {
        double[] q = new double[weights.length];
        for (int a = 0; a < q.length; a++) {
            q[a] = LogisticRegression.probability(weights[a], context);
        }
        return q;
    }
}
