package jgrad.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jgrad.metrics.ClassificationMetrics;

class CrossValidationTest {

    @Test
    void foldsPartitionTheRowsIntoNearEqualParts() {
        int[] fold = CrossValidation.folds(103, 5, 1);
        int[] sizes = new int[5];
        for (int f : fold) {
            sizes[f]++;
        }
        for (int s : sizes) {
            assertTrue(s == 20 || s == 21, "fold size " + s);
        }
        assertArrayEquals(fold, CrossValidation.folds(103, 5, 1), "same seed, same folds");
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.folds(3, 4, 1));
    }

    @Test
    void meanAndSampleSd() {
        CrossValidation.Result r = new CrossValidation.Result("m", new double[] {0.7, 0.8, 0.9});
        assertEquals(0.8, r.mean(), 1e-12);
        assertEquals(0.1, r.sd(), 1e-12);
    }

    /** A logistic truth P(1) = σ(2x₀ − x₁): the baseline recovers a ranking close to the truth's own AUC. */
    @Test
    void logisticBaselineRanksLikeTheTruth() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        int n = 2000;
        float[] x = new float[2 * n];
        int[] y = new int[n];
        double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) rng.nextGaussian();
            x[2 * i + 1] = (float) rng.nextGaussian();
            truth[i] = 1 / (1 + Math.exp(-(2 * x[2 * i] - x[2 * i + 1])));
            y[i] = rng.nextDouble() < truth[i] ? 1 : 0;
        }
        double[] p = new LogisticResponse().fitAndScore(x, y, x, 2, 1);
        assertEquals(ClassificationMetrics.rocAuc(truth, y), ClassificationMetrics.rocAuc(p, y), 0.002);
    }
}
