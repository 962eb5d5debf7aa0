package jgrad.recsys;

import static jgrad.recsys.RecsysFixtures.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.nn.Describable;
import jgrad.io.Json;
import jgrad.io.ModelFiles;
import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/** Top-K lists without seen items, the leave-one-out evaluation, and model files that predict identically. */
class RecsysRecommendTest {

    /** A biased MF whose item biases order the 6 items 4 > 1 > 5 > 0 > 3 > 2 for every user. */
    private static BiasedMF ordered() {
        BiasedMF m = RecsysFixtures.bmf(2, 6, 2, 0, 1);
        set(m, "user.W_emb", 0, 0, 0, 0);
        set(m, "item_bias.W_emb", 0.3, 0.5, 0.1, 0.2, 0.9, 0.4);
        return m;
    }

    @Test
    void topKSkipsSeenItemsAndKeepsTheScoreOrder() {
        BiasedMF m = ordered();
        assertArrayEquals(new int[] {4, 1, 5}, m.recommend(0, 3, new int[0]));
        assertArrayEquals(new int[] {5, 0, 3}, m.recommend(0, 3, new int[] {4, 1}));
        assertArrayEquals(new int[] {2}, m.recommend(1, 10, new int[] {0, 1, 3, 4, 5}), "fewer left than k");
        var e = assertThrows(IllegalArgumentException.class, () -> m.recommend(2, 3, new int[0]));
        assertTrue(e.getMessage().contains("the user id is outside the table of 2 users [0, 2)"), e.getMessage());
        var s = assertThrows(IllegalArgumentException.class, () -> m.recommend(0, 3, new int[] {6}));
        assertTrue(s.getMessage().contains("seen item id at position 0") && !s.getMessage().contains("id 6"),
                s.getMessage());
    }

    @Test
    void userMlpTopKSkipsSeenItems() {
        UserMlpRecommender m = RecsysFixtures.userMlp(2, 4, 1, 1, 1);
        set(m, "out.W", 0, 0, 0, 0);
        set(m, "out.b", 1, 4, 2, 3);
        assertArrayEquals(new int[] {3, 2}, m.recommend(1, 2, new int[] {1}));
    }

    @Test
    void leaveOneOutRanksTheHeldOutItemAmongItsCandidates() {
        BiasedMF m = ordered();
        // user 0: item 1 against {0, 2, 3}: first → hit at 1, NDCG 1; user 1: item 3 against {4, 1, 5, 0}: 5th → miss at K = 4
        Evaluation.Ranking r = Evaluation.leaveOneOut(m, new int[] {0, 1}, new int[] {1, 3},
                new int[][] {{0, 2, 3}, {4, 1, 5, 0}}, 4);
        assertEquals(0.5, r.hitRate(), 1e-12);
        assertEquals(0.5, r.ndcg(), 1e-12);
        // user 0: item 0 against {1, 5}: third → hit at K = 3 with NDCG 1/log2(4) = 0.5
        Evaluation.Ranking third = Evaluation.leaveOneOut(m, new int[] {0}, new int[] {0}, new int[][] {{1, 5}}, 3);
        assertEquals(0.5, third.ndcg(), 1e-12);
    }

    @Test
    void equalScoresEarnNoHits() {
        BiasedMF flat = RecsysFixtures.bmf(1, 5, 2, 3.0, 1);
        set(flat, "user.W_emb", 0, 0);
        Evaluation.Ranking r = Evaluation.leaveOneOut(flat, new int[] {0}, new int[] {2}, new int[][] {{0, 1, 3, 4}}, 2);
        assertEquals(0, r.hitRate());
    }

    @Test
    void savedModelsLoadAndPredictIdentically(@TempDir Path dir) throws Exception {
        List<Module> models = List.of(RecsysFixtures.dot(3, 5, 2, 1), RecsysFixtures.concat(3, 5, 2, 3, 2),
                RecsysFixtures.bmf(3, 5, 2, 3.7, 3), RecsysFixtures.userMlp(3, 5, 2, 4, 4),
                RecsysFixtures.ncf(Ncf.Kind.GMF, 3, 5, 5), RecsysFixtures.ncf(Ncf.Kind.MLP, 3, 5, 6),
                RecsysFixtures.ncf(Ncf.Kind.NEUMF, 3, 5, 7));
        for (Module m : models) {
            RecsysFixtures.randomize(m, 21);
            Path file = dir.resolve(m.getClass().getSimpleName() + m.parameters().size());
            ModelFiles.save(m, file);
            Module back = ModelFiles.load(file);
            assertEquals(m.getClass(), back.getClass());
            assertEquals(Json.write(((Describable) m).config()), Json.write(((Describable) back).config()));
            for (int u = 0; u < 3; u++) {
                assertArrayEquals(((Recommender) m).scoreItems(u), ((Recommender) back).scoreItems(u), 0.0,
                        m.getClass().getSimpleName() + " user " + u);
            }
            for (String name : m.parameters().keySet()) {
                Tensor a = m.parameters().get(name);
                assertArrayEquals(a.toDoubleArray(), back.parameters().get(name).toDoubleArray(), 0.0, name);
            }
        }
    }
}
