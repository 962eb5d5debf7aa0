package jgrad.sequence;

import java.util.Arrays;

/**
 * The most-popular baseline: every history gets the same scores, the number of training prefixes an item
 * appears in (validation and test targets are not counted, so the score never sees a held-out item).
 */
public final class PopularityScorer implements NextItemScorer {

    private final double[] counts;

    private PopularityScorer(double[] counts) {
        this.counts = counts;
    }

    /** Counts over the training prefixes of {@code data}. */
    public static PopularityScorer fit(SequenceData data) {
        double[] counts = new double[data.numItems() + 1];
        for (int u = 0; u < data.numUsers(); u++) {
            for (int item : data.trainingPrefix(u)) {
                counts[item]++;
            }
        }
        return new PopularityScorer(counts);
    }

    @Override
    public int numItems() {
        return counts.length - 1;
    }

    @Override
    public double[][] scores(int[][] histories) {
        double[][] out = new double[histories.length][];
        Arrays.setAll(out, b -> counts.clone());
        return out;
    }
}
