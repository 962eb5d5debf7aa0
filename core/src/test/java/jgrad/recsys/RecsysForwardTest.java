package jgrad.recsys;

import static jgrad.recsys.RecsysFixtures.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import jgrad.tensor.Tensor;

/** Each model's output on tiny inputs against values computed by hand from its formula. */
class RecsysForwardTest {

    private static double[] pairs(PairModel m, int[] users, int[] items) {
        return m.call(PairModel.inputs(users, items)).toDoubleArray();
    }

    @Test
    void dotModelIsDenseOfTheDotProduct() {
        DotRecommender m = RecsysFixtures.dot(2, 3, 2, 1);
        set(m, "user.W_emb", 1, 2, 3, -1);
        set(m, "item.W_emb", 0.5, 1, 2, 0, -1, 1);
        set(m, "out.W", 2);
        set(m, "out.b", 0.5);
        // (1, 0): p·q = 3·0.5 − 1·1 = 0.5 → 2·0.5 + 0.5;  (0, 2): p·q = −1 + 2 = 1 → 2·1 + 0.5
        assertArrayEquals(new double[] {1.5, 2.5}, pairs(m, new int[] {1, 0}, new int[] {0, 2}), 1e-12);
    }

    @Test
    void concatModelIsDenseOfTheConcatenation() {
        ConcatRecommender m = RecsysFixtures.concat(2, 3, 1, 2, 1);
        set(m, "user.W_emb", 1, 2);
        set(m, "item.W_emb", 1, 0, 0, 1, 1, 1);
        set(m, "out.W", 1, 2, 3);
        set(m, "out.b", 0.1);
        // (1, 2): [2, 1, 1] → 2 + 2 + 3 + 0.1;  (0, 0): [1, 1, 0] → 1 + 2 + 0.1
        assertArrayEquals(new double[] {7.1, 3.1}, pairs(m, new int[] {1, 0}, new int[] {2, 0}), 1e-12);
    }

    @Test
    void biasedMfAddsMeanBiasesAndFactors() {
        BiasedMF m = RecsysFixtures.bmf(2, 3, 2, 3.0, 1);
        set(m, "user.W_emb", 1, 0, 0, 1);
        set(m, "item.W_emb", 1, 1, 2, 0, 0, 0);
        set(m, "user_bias.W_emb", 0.5, -0.5);
        set(m, "item_bias.W_emb", 0.1, 0.2, 0.3);
        // (0, 1): 3 + 0.5 + 0.2 + 2;  (1, 0): 3 − 0.5 + 0.1 + 1
        assertArrayEquals(new double[] {5.7, 3.6}, pairs(m, new int[] {0, 1}, new int[] {1, 0}), 1e-12);
    }

    @Test
    void userMlpPredictsWholeRowsAndTheLossSeesOnlyRatedEntries() {
        UserMlpRecommender m = RecsysFixtures.userMlp(2, 2, 1, 2, 1);
        set(m, "user.W_emb", 1, -1);
        set(m, "hidden.W", 1, -2);
        set(m, "hidden.b", 0, 0);
        set(m, "out.W", 1, 1, 2, -1);
        set(m, "out.b", 0.5, 0);
        // user 0: relu([1, −2]) = [1, 0] → [1.5, 2];  user 1: relu([−1, 2]) = [0, 2] → [2.5, −2]
        Tensor rows = m.call(List.of(Tensor.of(new double[] {0, 1}, 2)));
        assertArrayEquals(new double[] {1.5, 2, 2.5, -2}, rows.toDoubleArray(), 1e-12);
        Tensor target = Tensor.of(new double[] {3, 0, 0, 1}, 2, 2);
        // rated: (0, 0) and (1, 1): ((1.5 − 3)² + (−2 − 1)²) / 2
        assertEquals((2.25 + 9) / 2, UserMlpRecommender.maskedMse(rows, target).item(), 1e-12);
        var none = assertThrows(IllegalArgumentException.class,
                () -> UserMlpRecommender.maskedMse(rows, Tensor.zeros(jgrad.backend.DType.F64, 2, 2)));
        assertTrue(none.getMessage().contains("no observed entry"), none.getMessage());
    }

    @Test
    void userMlpTrainingRowsAreTheRatingMatrixWithZerosWhereNothingWasRated() {
        // user 0 rated item 1 (4); user 1 rated items 0 (2) and 2 (5, then 3: the last rating counts)
        jgrad.data.Ratings r = new jgrad.data.Ratings(new int[] {0, 1, 1, 1}, new int[] {1, 0, 2, 2},
                new float[] {4, 2, 5, 3}, new long[4]);
        UserMlpRecommender.TrainingRows rows = UserMlpRecommender.TrainingRows.of(r, 3, 3);
        assertArrayEquals(new int[] {3}, rows.users().shape());
        assertArrayEquals(new float[] {0, 1, 2}, rows.users().toFloatArray());
        assertArrayEquals(new int[] {3, 3}, rows.ratings().shape());
        assertArrayEquals(new float[] {0, 4, 0, 2, 0, 3, 0, 0, 0}, rows.ratings().toFloatArray());
    }

    @Test
    void ncfModelsAndThePretrainedNeuMf() {
        Ncf gmf = new Ncf(Ncf.Kind.GMF, 1, 1, 2, 1, new int[] {2}, jgrad.backend.DType.F64, new java.util.SplittableRandom(1));
        set(gmf, "gmf_user.W_emb", 1, 2);
        set(gmf, "gmf_item.W_emb", 3, 4);
        set(gmf, "out.W", 1, -1);
        set(gmf, "out.b", 0);
        Ncf mlp = new Ncf(Ncf.Kind.MLP, 1, 1, 2, 1, new int[] {2}, jgrad.backend.DType.F64, new java.util.SplittableRandom(2));
        set(mlp, "mlp_user.W_emb", 1);
        set(mlp, "mlp_item.W_emb", 2);
        set(mlp, "mlp_1.W", 1, 1, 1, -1);
        set(mlp, "mlp_1.b", 0, 0);
        set(mlp, "out.W", 2, 5);
        set(mlp, "out.b", 1);
        int[] zero = {0};
        // GMF: h·(p ⊙ q) = [1, −1]·[3, 8];  MLP: relu([1 + 2, 1 − 2]) = [3, 0] → 2·3 + 5·0 + 1
        assertArrayEquals(new double[] {-5}, pairs(gmf, zero, zero), 1e-12);
        assertArrayEquals(new double[] {7}, pairs(mlp, zero, zero), 1e-12);
        // NeuMF from both with α = 0.5 scores 0.5·GMF + 0.5·MLP
        Ncf neu = Ncf.neuMfFrom(gmf, mlp, 0.5);
        assertArrayEquals(new double[] {0.5 * -5 + 0.5 * 7}, pairs(neu, zero, zero), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Ncf.neuMfFrom(mlp, gmf, 0.5));
    }

    @Test
    void badIdsNameThePositionAndTheTableSizeNotTheId() {
        DotRecommender m = RecsysFixtures.dot(4, 5, 2, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> m.call(PairModel.inputs(new int[] {4}, new int[] {0})));
        assertTrue(e.getMessage().contains("user id at position 0") && e.getMessage().contains("table of 4 users [0, 4)")
                && !e.getMessage().contains(" 4 is") && !e.getMessage().contains("id 4"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> m.predictPairs(new int[] {0}, new int[] {-1}));
        assertTrue(f.getMessage().contains("item id at position 0") && f.getMessage().contains("5 items")
                && !f.getMessage().contains("-1"), f.getMessage());
    }
}
