package jgrad.train;

import java.util.Arrays;

import jgrad.metrics.ClassificationMetrics;
import jgrad.tensor.Tensor;

/**
 * The exact ROC AUC of an epoch, as the metric "auc" of {@code compile} (higher is better, also for
 * {@link EarlyStopping}), from a one-output model's scores (logits or probabilities: AUC depends only on their
 * order) and 0/1 targets (a target other than 1 counts as 0):
 * <pre>
 *   AUC = (1 / (P·N)) Σ_{i: y_i=1} Σ_{j: y_j=0} ( [s_i &gt; s_j] + ½ [s_i = s_j] )
 * </pre>
 * computed by {@link ClassificationMetrics#rocAuc} over every example of the epoch, so it keeps the scores
 * until {@link #result()}; NaN before any update.
 */
public final class RocAucMetric implements Metric {

    private double[] scores = new double[0];
    private int[] labels = new int[0];
    private int size;

    @Override public String name() { return "auc"; }

    @Override
    public void reset() {
        size = 0;
    }

    @Override
    public void update(Tensor prediction, Tensor target) {
        double[] p = prediction.toDoubleArray();
        double[] t = target.toDoubleArray();
        if (p.length != t.length) {
            throw new IllegalArgumentException("auc: " + p.length + " scores for " + t.length + " targets");
        }
        if (size + p.length > scores.length) {
            int capacity = Math.max(2 * scores.length, size + p.length);
            scores = Arrays.copyOf(scores, capacity);
            labels = Arrays.copyOf(labels, capacity);
        }
        for (int i = 0; i < p.length; i++) {
            scores[size + i] = p[i];
            labels[size + i] = t[i] == 1 ? 1 : 0;
        }
        size += p.length;
    }

    @Override
    public double result() {
        return size == 0 ? Double.NaN
                : ClassificationMetrics.rocAuc(Arrays.copyOf(scores, size), Arrays.copyOf(labels, size));
    }
}
