package jgrad.metrics;

import java.util.Arrays;

/**
 * Metrics of classifiers.
 * <pre>
 *   accuracy = (1/n) Σ [ŷ_i = y_i]
 *   ROC AUC  = (1 / (P·N)) Σ_{i: y_i=1} Σ_{j: y_j=0} ( [s_i > s_j] + ½ [s_i = s_j] )
 *   log loss = −(1/n) Σ ( y_i ln p_i + (1 − y_i) ln(1 − p_i) ),  p_i clipped to [ε, 1 − ε]
 * </pre>
 * AUC is exact: the probability that a random positive scores above a random negative, ties counted half,
 * computed by sorting the negatives' scores and counting with binary search (O(n log n)); NaN with one class.
 */
public final class ClassificationMetrics {

    /** The default clipping of log loss, so that a confident wrong prediction costs ln(1e15) ≈ 34.5, not infinity. */
    public static final double LOG_LOSS_EPSILON = 1e-15;

    private ClassificationMetrics() {
    }

    public static double accuracy(int[] predicted, int[] actual) {
        Checks.sameLengthNonEmpty(predicted.length, actual.length, "accuracy");
        long correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == actual[i]) {
                correct++;
            }
        }
        return (double) correct / predicted.length;
    }

    /**
     * The predicted class of each row of a row-major {@code rows × classes} score matrix (e.g. softmax output);
     * the first of equal maxima wins.
     */
    public static int[] argmaxRows(float[] scores, int classes) {
        if (classes < 1 || scores.length % classes != 0) {
            throw new IllegalArgumentException(scores.length + " scores do not split into rows of " + classes);
        }
        int[] predicted = new int[scores.length / classes];
        for (int r = 0; r < predicted.length; r++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (scores[r * classes + c] > scores[r * classes + best]) {
                    best = c;
                }
            }
            predicted[r] = best;
        }
        return predicted;
    }

    public static double rocAuc(double[] scores, int[] labels) {
        Checks.sameLengthNonEmpty(scores.length, labels.length, "roc auc");
        Checks.binaryLabels(labels);
        Checks.noNaN(scores, "roc auc");
        int positives = 0;
        for (int y : labels) {
            positives += y;
        }
        double[] negatives = new double[labels.length - positives];
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 0) {
                negatives[n++] = scores[i];
            }
        }
        Arrays.sort(negatives);
        double wins = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                int below = firstIndexNotBelow(negatives, scores[i]);
                int equal = firstIndexAbove(negatives, scores[i]) - below;
                wins += below + 0.5 * equal;
            }
        }
        return Checks.ratio(wins, (double) positives * negatives.length);
    }

    public static double logLoss(double[] probabilities, int[] labels) {
        return logLoss(probabilities, labels, LOG_LOSS_EPSILON);
    }

    public static double logLoss(double[] probabilities, int[] labels, double epsilon) {
        Checks.sameLengthNonEmpty(probabilities.length, labels.length, "log loss");
        Checks.binaryLabels(labels);
        if (!(epsilon > 0 && epsilon < 0.5)) {
            throw new IllegalArgumentException("epsilon must be in (0, 0.5), got " + epsilon);
        }
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability " + p + " at index " + i + " is not in [0, 1]");
            }
            p = Math.min(Math.max(p, epsilon), 1 - epsilon);
            sum += labels[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return -sum / probabilities.length;
    }

    /** The number of sorted values strictly below {@code x}. */
    private static int firstIndexNotBelow(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of sorted values at most {@code x}. */
    private static int firstIndexAbove(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
