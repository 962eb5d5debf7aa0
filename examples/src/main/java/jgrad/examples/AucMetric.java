package jgrad.examples;

import java.util.Arrays;

import jgrad.metrics.ClassificationMetrics;
import jgrad.tensor.Tensor;
import jgrad.train.Metric;

/**
 * Exact ROC AUC over an epoch, from a one-output model's scores (logits or probabilities: AUC depends only
 * on their order) and 0/1 targets. It needs every score at once, so it keeps them until {@link #result()}.
 */
final class AucMetric implements Metric {

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
