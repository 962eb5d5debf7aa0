package jgrad.metrics;

import java.util.Arrays;

/**
 * The curves of a scored binary outcome, as data for plots. With the rows sorted by score, highest first,
 * and TP(t), FP(t) the positives and negatives scoring at least a threshold t (P and N in all):
 * <pre>
 *   ROC               (FPR, TPR) = (FP(t) / N, TP(t) / P)             from (0, 0) to (1, 1)
 *   precision–recall  (recall, precision) = (TP(t) / P, TP(t) / (TP(t) + FP(t)))
 *   cumulative gain   (k / n, TP_k / P)   for the top k rows, k = 0 … n    (a random ranking: the diagonal)
 *   lift              (k / n, (TP_k / k) / (P / n))                      (a random ranking: 1)
 * </pre>
 * ROC and precision–recall have one point per distinct score (tied rows enter together, as scikit-learn's
 * {@code roc_curve(drop_intermediate=False)} and {@code precision_recall_curve}); the gain and lift curves
 * take the rows one at a time in {@link TopK#indices} order (ties toward the lower index), the order in which
 * a {@link CampaignAtBudget} contacts them.
 */
public final class ScoreCurves {

    private final double[] scoresDescending;
    private final int[] labelsByScore;
    private final int positives;

    private ScoreCurves(double[] scoresDescending, int[] labelsByScore, int positives) {
        this.scoresDescending = scoresDescending;
        this.labelsByScore = labelsByScore;
        this.positives = positives;
    }

    /** The curves of {@code scores} against 0/1 {@code labels}; both classes must occur. */
    public static ScoreCurves of(double[] scores, int[] labels) {
        Checks.sameLengthNonEmpty(scores.length, labels.length, "score curves");
        Checks.binaryLabels(labels);
        Checks.noNaN(scores, "score curves");
        int[] order = TopK.indices(scores, scores.length);
        double[] sorted = new double[order.length];
        int[] sortedLabels = new int[order.length];
        int positives = 0;
        for (int i = 0; i < order.length; i++) {
            sorted[i] = scores[order[i]];
            sortedLabels[i] = labels[order[i]];
            positives += sortedLabels[i];
        }
        if (positives == 0 || positives == labels.length) {
            throw new IllegalArgumentException("score curves need both outcomes; all " + labels.length
                    + " labels are " + (positives == 0 ? 0 : 1));
        }
        return new ScoreCurves(sorted, sortedLabels, positives);
    }

    /** {x = false positive rates, y = true positive rates}, from (0, 0), one point per distinct score. */
    public double[][] roc() {
        int negatives = labelsByScore.length - positives;
        int[][] counts = countsAtThresholds();
        double[] fpr = new double[counts.length + 1];
        double[] tpr = new double[counts.length + 1];
        for (int i = 0; i < counts.length; i++) {
            tpr[i + 1] = (double) counts[i][0] / positives;
            fpr[i + 1] = (double) counts[i][1] / negatives;
        }
        return new double[][] {fpr, tpr};
    }

    /** {x = recall, y = precision}, one point per distinct score, highest threshold (lowest recall) first. */
    public double[][] precisionRecall() {
        int[][] counts = countsAtThresholds();
        double[] recall = new double[counts.length];
        double[] precision = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            recall[i] = (double) counts[i][0] / positives;
            precision[i] = (double) counts[i][0] / (counts[i][0] + counts[i][1]);
        }
        return new double[][] {recall, precision};
    }

    /**
     * {x = fraction contacted, y = fraction of all positives among them}, at {@code points} + 1 evenly spaced
     * counts k = round(j·n / points), j = 0 … points (every row when points ≥ n).
     */
    public double[][] cumulativeGain(int points) {
        int[] ks = counts(points);
        int[] hits = hitsAt(ks);
        double n = labelsByScore.length;
        double[] x = new double[ks.length];
        double[] y = new double[ks.length];
        for (int j = 0; j < ks.length; j++) {
            x[j] = ks[j] / n;
            y[j] = (double) hits[j] / positives;
        }
        return new double[][] {x, y};
    }

    /** {x = fraction contacted, y = lift}, as {@link #cumulativeGain} but from the first nonzero count. */
    public double[][] lift(int points) {
        int[] ks = counts(points);
        int[] hits = hitsAt(ks);
        double baseRate = (double) positives / labelsByScore.length;
        double[] x = new double[ks.length - 1];
        double[] y = new double[ks.length - 1];
        for (int j = 1; j < ks.length; j++) {
            x[j - 1] = (double) ks[j] / labelsByScore.length;
            y[j - 1] = (double) hits[j] / ks[j] / baseRate;
        }
        return new double[][] {x, y};
    }

    /** The rows scoring at least each distinct score, highest first: {TP, FP} per threshold. */
    private int[][] countsAtThresholds() {
        int[][] counts = new int[labelsByScore.length][];
        int distinct = 0;
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < labelsByScore.length; i++) {
            tp += labelsByScore[i];
            fp += 1 - labelsByScore[i];
            boolean lastOfTie = i + 1 == labelsByScore.length || scoresDescending[i + 1] != scoresDescending[i];
            if (lastOfTie) {
                counts[distinct++] = new int[] {tp, fp};
            }
        }
        return Arrays.copyOf(counts, distinct);
    }

    private int[] counts(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("a curve needs at least 1 interval, got " + points);
        }
        int n = labelsByScore.length;
        int intervals = Math.min(points, n);
        int[] ks = new int[intervals + 1];
        for (int j = 0; j <= intervals; j++) {
            ks[j] = (int) Math.round((double) j * n / intervals);
        }
        return ks;
    }

    /** Positives among the top k rows, for each k (ascending). */
    private int[] hitsAt(int[] ks) {
        int[] hits = new int[ks.length];
        int seen = 0;
        int row = 0;
        for (int j = 0; j < ks.length; j++) {
            while (row < ks[j]) {
                seen += labelsByScore[row++];
            }
            hits[j] = seen;
        }
        return hits;
    }
}
