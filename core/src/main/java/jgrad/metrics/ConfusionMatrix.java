package jgrad.metrics;

/**
 * Counts of a binary classifier's outcomes (positive class = 1), and the rates built on them:
 * <pre>
 *   accuracy  = (TP + TN) / (TP + FP + TN + FN)
 *   precision = TP / (TP + FP)          NaN when nothing is predicted positive
 *   recall    = TP / (TP + FN)          NaN when no actual positive
 *   F1        = 2 · precision · recall / (precision + recall) = 2TP / (2TP + FP + FN)
 * </pre>
 * F1 is NaN only when TP + FP + FN = 0 (no positive anywhere); it is 0 when TP = 0 otherwise.
 */
public record ConfusionMatrix(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    /** Counts predicted 0/1 labels against actual 0/1 labels. */
    public static ConfusionMatrix of(int[] predicted, int[] actual) {
        Checks.sameLengthNonEmpty(predicted.length, actual.length, "confusion matrix");
        Checks.binaryLabels(predicted);
        Checks.binaryLabels(actual);
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == 1) {
                if (actual[i] == 1) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (actual[i] == 1) {
                fn++;
            } else {
                tn++;
            }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    /** Predicts 1 where the score is at least {@code threshold} (e.g. a probability and 0.5). */
    public static ConfusionMatrix ofScores(double[] scores, int[] actual, double threshold) {
        Checks.noNaN(scores, "confusion matrix");
        int[] predicted = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= threshold ? 1 : 0;
        }
        return of(predicted, actual);
    }

    public long total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    public double accuracy() {
        return Checks.ratio(truePositives + trueNegatives, total());
    }

    public double precision() {
        return Checks.ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return Checks.ratio(truePositives, truePositives + falseNegatives);
    }

    public double f1() {
        return Checks.ratio(2.0 * truePositives, 2.0 * truePositives + falsePositives + falseNegatives);
    }
}
