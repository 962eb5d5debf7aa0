package jgrad.synth;

import jgrad.data.csv.Table;
import jgrad.metrics.ClassificationMetrics;

/**
 * Machine-learning utility of synthetic rows: a classifier trained on them and scored on held-out real rows
 * (train on synthetic, test on real: TSTR) against the same classifier trained on the real training rows (TRTR),
 * both by ROC AUC of the binary target.
 */
public final class TrainOnSynthetic {

    /** Trains a fresh classifier on {@code train} and returns its scores of the rows of {@code test}. */
    @FunctionalInterface
    public interface Classifier {
        double[] trainAndScore(Table train, Table test);
    }

    /** AUC on the held-out real rows of the classifier trained on real rows and of the one trained on synthetic rows. */
    public record Utility(double realAuc, double syntheticAuc) {

        /** TSTR AUC / TRTR AUC. */
        public double ratio() {
            return syntheticAuc / realAuc;
        }
    }

    private TrainOnSynthetic() {
    }

    /** {@code target} is a boolean or 0/1 column (1 the positive class). */
    public static Utility compare(Table realTrain, Table synthetic, Table realTest, String target, Classifier classifier) {
        int[] labels = labels(realTest, target);
        double realAuc = ClassificationMetrics.rocAuc(classifier.trainAndScore(realTrain, realTest), labels);
        double syntheticAuc = ClassificationMetrics.rocAuc(classifier.trainAndScore(synthetic, realTest), labels);
        return new Utility(realAuc, syntheticAuc);
    }

    static int[] labels(Table table, String target) {
        double[] y = RealRows.numeric(table, target);
        int[] labels = new int[y.length];
        for (int r = 0; r < y.length; r++) {
            if (y[r] != 0 && y[r] != 1) {
                throw new IllegalArgumentException(table.source() + ": target '" + target + "', row " + (r + 1)
                        + ": " + y[r] + " is not 0 or 1");
            }
            labels[r] = (int) y[r];
        }
        return labels;
    }
}
