package jgrad.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.backend.Device;

class MiniBatchAwareL2Test {

    /** Three training rows: user 1 twice, user 2 once; item 1 as candidate and in two histories, item 2 once. */
    private static final CtrExamples TRAIN = new CtrExamples(new int[] {1, 1, 2}, new int[] {1, 2, 3},
            new int[] {1, 0, 1}, new int[][] {{}, {1}, {1, 2}});

    @Test
    void countsEveryExampleAFeatureOccursIn() {
        MiniBatchAwareL2 r = MiniBatchAwareL2.of(TRAIN, 0.5);
        assertEquals(2, r.count(CtrModel.IdKind.USER, 1));
        assertEquals(1, r.count(CtrModel.IdKind.USER, 2));
        assertEquals(3, r.count(CtrModel.IdKind.ITEM, 1));
        assertEquals(2, r.count(CtrModel.IdKind.ITEM, 2));
        assertEquals(1, r.count(CtrModel.IdKind.ITEM, 3));
        assertEquals(0, r.count(CtrModel.IdKind.ITEM, 6));
    }

    @Test
    void penaltyAndGradientOfTheLookedUpRowsByHand() {
        DinModel m = new DinModel(3, CtrFixtures.genres(), DinConfig.standard(Pooling.MEAN), DType.F64,
                new SplittableRandom(3));
        // The batch looks up user 2 and items 3 (candidate), 1 and 2 (history); not user 1 or items 4 … 6.
        CtrBatch batch = CtrBatch.of(TRAIN, new int[] {2}, Device.CPU);
        double lambda = 0.5;
        double[] users = m.parameters().get("user.W_emb").toDoubleArray();
        double[] items = m.parameters().get("item.W_emb").toDoubleArray();
        double expected = lambda * (squaredNorm(users, 2) / 1 + squaredNorm(items, 3) / 1 + squaredNorm(items, 1) / 3
                + squaredNorm(items, 2) / 2);
        var penalty = MiniBatchAwareL2.of(TRAIN, lambda).penalty(m, batch);
        assertEquals(expected, penalty.item(), 1e-15);
        penalty.backward();
        double[] g = m.parameters().get("item.W_emb").rowGrad().toDense(new int[] {7, 16}).toDoubleArray();
        for (int j = 0; j < 16; j++) {
            assertEquals(2 * lambda * items[16 + j] / 3, g[16 + j], 1e-15, "item 1, coordinate " + j);
            assertEquals(0, g[4 * 16 + j], 0, "item 4 is not in the batch");
        }
    }

    @Test
    void aNegativeStrengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MiniBatchAwareL2.of(TRAIN, -1));
        assertArrayEquals(new int[] {1, 2, 3}, MiniBatchAwareL2.lookedUp(CtrModel.IdKind.ITEM,
                CtrBatch.of(TRAIN, new int[] {0, 2}, Device.CPU)));
    }

    private static double squaredNorm(double[] table, int row) {
        double s = 0;
        for (int j = 0; j < 16; j++) {
            s += table[row * 16 + j] * table[row * 16 + j];
        }
        return s;
    }
}
