package jgrad.examples;

import java.util.Arrays;

import jgrad.metrics.ClassificationMetrics;
import jgrad.metrics.ConfusionMatrix;
import jgrad.metrics.TopK;

/**
 * A model's scores of held-out clients judged as a campaign: call the {@code budget} clients with the highest
 * predicted probability. Precision at the budget is the share of calls that convert, recall the share of
 * all subscribers reached, and lift = precision / base rate, how many times better than calling
 * {@code budget} clients at random (whose expected precision is the base rate).
 *
 * @param called the called clients' indices, most probable first
 */
record Campaign(double auc, double logLoss, double baseRate, int budget, int[] called, ConfusionMatrix atBudget,
        ConfusionMatrix atHalf) {

    static Campaign of(double[] probabilities, int[] labels, double budgetFraction) {
        if (probabilities.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("campaign: " + probabilities.length + " probabilities for "
                    + labels.length + " labels");
        }
        if (!(budgetFraction > 0 && budgetFraction <= 1)) {
            throw new IllegalArgumentException("campaign: budget fraction must be in (0, 1], got " + budgetFraction);
        }
        int budget = (int) Math.ceil(labels.length * budgetFraction);
        int[] called = TopK.indices(probabilities, budget);
        int[] predicted = new int[labels.length];
        for (int i : called) {
            predicted[i] = 1;
        }
        long positives = Arrays.stream(labels).filter(y -> y == 1).count();
        return new Campaign(ClassificationMetrics.rocAuc(probabilities, labels),
                ClassificationMetrics.logLoss(probabilities, labels), (double) positives / labels.length, budget,
                called, ConfusionMatrix.of(predicted, labels), ConfusionMatrix.ofScores(probabilities, labels, 0.5));
    }

    double lift() {
        return atBudget.precision() / baseRate;
    }

    /** Subscribers expected among {@code budget} clients called at random. */
    double randomHits() {
        return budget * baseRate;
    }
}
