package jgrad.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void confusionMatrixRatesByHand() {
        // TP at 0 and 4, FP at 1, FN at 3, TN at 2 and 5
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {1, 1, 0, 0, 1, 0}, new int[] {1, 0, 0, 1, 1, 0});
        assertEquals(new ConfusionMatrix(2, 1, 2, 1), m);
        assertEquals(4.0 / 6, m.accuracy(), 1e-15);
        assertEquals(2.0 / 3, m.precision(), 1e-15);
        assertEquals(2.0 / 3, m.recall(), 1e-15);
        assertEquals(2.0 / 3, m.f1(), 1e-15);
        // TP 1, FN 2: precision 1, recall 1/3, F1 = 2·1·(1/3) / (4/3) = 1/2
        ConfusionMatrix n = ConfusionMatrix.of(new int[] {1, 0, 0, 0}, new int[] {1, 1, 1, 0});
        assertEquals(1.0, n.precision());
        assertEquals(1.0 / 3, n.recall(), 1e-15);
        assertEquals(0.5, n.f1(), 1e-15);
    }

    @Test
    void undefinedRatiosAreNaN() {
        ConfusionMatrix noPredictedPositive = ConfusionMatrix.of(new int[] {0, 0}, new int[] {1, 0});
        assertEquals(Double.NaN, noPredictedPositive.precision());
        assertEquals(0.0, noPredictedPositive.recall());
        assertEquals(0.0, noPredictedPositive.f1());
        ConfusionMatrix noPositiveAtAll = ConfusionMatrix.of(new int[] {0, 0}, new int[] {0, 0});
        assertEquals(Double.NaN, noPositiveAtAll.recall());
        assertEquals(Double.NaN, noPositiveAtAll.f1());
        assertEquals(1.0, noPositiveAtAll.accuracy());
    }

    @Test
    void scoresAreThresholdedInclusively() {
        ConfusionMatrix m = ConfusionMatrix.ofScores(new double[] {0.5, 0.49, 0.9}, new int[] {1, 1, 0}, 0.5);
        assertEquals(new ConfusionMatrix(1, 1, 0, 1), m);
    }

    @Test
    void accuracyAndArgmax() {
        assertEquals(0.75, ClassificationMetrics.accuracy(new int[] {0, 2, 1, 3}, new int[] {0, 1, 1, 3}));
        assertArrayEquals(new int[] {1, 0}, ClassificationMetrics.argmaxRows(new float[] {0.1f, 0.7f, 0.2f, 0.5f, 0.5f, 0f}, 3));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.argmaxRows(new float[5], 3));
    }

    @Test
    void aucByHandWithAndWithoutTies() {
        // positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs won
        assertEquals(0.75, ClassificationMetrics.rocAuc(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1}));
        // each positive 0.5: half a pair against the negative 0.5, a whole one against 0.2 → (1.5 + 1.5) / 4
        assertEquals(0.75, ClassificationMetrics.rocAuc(new double[] {0.5, 0.5, 0.5, 0.2}, new int[] {1, 0, 1, 0}));
        assertEquals(0.5, ClassificationMetrics.rocAuc(new double[] {1, 1, 1}, new int[] {1, 0, 0}));
        assertEquals(0.0, ClassificationMetrics.rocAuc(new double[] {0, 1}, new int[] {1, 0}));
        assertEquals(Double.NaN, ClassificationMetrics.rocAuc(new double[] {0.3, 0.7}, new int[] {1, 1}));
    }

    @Test
    void aucMatchesCountingEveryPair() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 500;
        double[] scores = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextInt(20) / 20.0; // coarse scores: many ties
            labels[i] = random.nextDouble() < scores[i] ? 1 : 0;
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, ClassificationMetrics.rocAuc(scores, labels), 1e-12);
    }

    @Test
    void logLossByHandAndClipped() {
        assertEquals(-(Math.log(0.9) + Math.log(0.8)) / 2,
                ClassificationMetrics.logLoss(new double[] {0.9, 0.2}, new int[] {1, 0}), 1e-15);
        // p = 0 for a positive is clipped to 1e-15 and p = 1 for a positive to 1 − 1e-15
        assertEquals((-Math.log(1e-15) - Math.log(1 - 1e-15)) / 2,
                ClassificationMetrics.logLoss(new double[] {0, 1}, new int[] {1, 1}), 1e-12);
        assertEquals(-Math.log(0.1), ClassificationMetrics.logLoss(new double[] {0}, new int[] {1}, 0.1), 1e-15);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.rocAuc(new double[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.logLoss(new double[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.accuracy(new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.rocAuc(new double[] {1}, new int[] {2}));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.rocAuc(new double[] {Double.NaN, 1}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.logLoss(new double[] {1.5}, new int[] {1}));
    }
}
