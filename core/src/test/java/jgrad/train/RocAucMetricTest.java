package jgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jgrad.tensor.Tensor;

class RocAucMetricTest {

    @Test
    void theAucOfTheWholeEpochNotOfOneBatch() {
        RocAucMetric auc = new RocAucMetric();
        auc.reset();
        // batch 1: two negatives (0.1, 0.4); batch 2: two positives (0.35, 0.8)
        auc.update(Tensor.of(new float[] {0.1f, 0.4f}, 2, 1), Tensor.of(new float[] {0, 0}, 2, 1));
        auc.update(Tensor.of(new float[] {0.35f, 0.8f}, 2, 1), Tensor.of(new float[] {1, 1}, 2, 1));
        // pairs (positive, negative): 0.35 > 0.1, 0.35 < 0.4, 0.8 > both: 3 of 4
        assertEquals(0.75, auc.result(), 1e-12);
        assertEquals("auc", auc.name());
    }

    @Test
    void tiesCountHalfAndResetForgets() {
        RocAucMetric auc = new RocAucMetric();
        auc.update(Tensor.of(new float[] {0.5f, 0.5f, 0.2f}, 3, 1), Tensor.of(new float[] {1, 0, 0}, 3, 1));
        // the positive ties one negative (½) and beats the other (1): 1.5 / 2
        assertEquals(0.75, auc.result(), 1e-12);
        auc.reset();
        assertTrue(Double.isNaN(auc.result()));
    }

    @Test
    void scoresAndTargetsMustPair() {
        RocAucMetric auc = new RocAucMetric();
        assertThrows(IllegalArgumentException.class,
                () -> auc.update(Tensor.of(new float[] {0.5f, 0.1f}, 2, 1), Tensor.of(new float[] {1}, 1, 1)));
    }
}
