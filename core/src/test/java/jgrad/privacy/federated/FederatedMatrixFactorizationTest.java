package jgrad.privacy.federated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.data.Ratings;
import jgrad.nn.loss.Losses;
import jgrad.recsys.BiasedMF;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * One round against the definition: every user trains alone, from the same start, by plain autograd and a hand
 * SGD step (full batches, so the order of ratings does not matter); the server's item tables are the n_k-weighted
 * mean, every user's row is its own training's, and the server received item-table changes only.
 */
class FederatedMatrixFactorizationTest {

    private static final int USERS = 3;
    private static final int ITEMS = 4;
    private static final int D = 2;
    private static final long SEED = 5;
    private static final double LR = 0.2;
    private static final Ratings RATINGS = new Ratings(new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 3, 1, 3, 2, 0},
            new float[] {5, 1, 3, 4, 2, 4}, new long[6]);

    @Test
    void aRoundOfAllUsersIsTheWeightedMeanOfTheirItemChanges() {
        FederatedMatrixFactorization.Settings s = new FederatedMatrixFactorization.Settings(1.0, 2, 0, LR, 0, 1.0);
        FederatedMatrixFactorization fed = new FederatedMatrixFactorization(RATINGS, USERS, ITEMS, D, s, Device.CPU, SEED);
        Map<String, double[]> start = weights(fresh());
        var received = fed.round();

        Map<String, double[]> expectedItems = new HashMap<>();
        for (String name : FederatedMatrixFactorization.SHARED) {
            expectedItems.put(name, start.get(name).clone());
        }
        int[] counts = {2, 3, 1};
        for (int u = 0; u < USERS; u++) {
            Map<String, double[]> alone = trainAlone(u);
            for (String name : FederatedMatrixFactorization.SHARED) {
                double[] e = expectedItems.get(name);
                for (int j = 0; j < e.length; j++) {
                    e[j] += counts[u] * (alone.get(name)[j] - start.get(name)[j]) / 6.0;
                }
            }
            for (String name : List.of("user.W_emb", "user_bias.W_emb")) {
                int width = name.startsWith("user.") ? D : 1;
                double[] got = fed.model().parameters().get(name).toDoubleArray();
                for (int c = 0; c < width; c++) {
                    assertEquals(alone.get(name)[u * width + c], got[u * width + c], 1e-6, name + " row " + u);
                }
            }
        }
        for (String name : FederatedMatrixFactorization.SHARED) {
            assertArrayEquals(expectedItems.get(name), fed.model().parameters().get(name).toDoubleArray(), 1e-6, name);
        }
        assertEquals(3, received.updates().size());
        received.updates().forEach(m -> assertEquals(FederatedMatrixFactorization.SHARED, List.copyOf(m.keySet())));
    }

    /** With one client per round the other users' rows are untouched: nothing of theirs was trained or sent. */
    @Test
    void usersNotChosenKeepTheirRows() {
        FederatedMatrixFactorization.Settings s = new FederatedMatrixFactorization.Settings(0.34, 1, 0, LR, 0, 1.0);
        FederatedMatrixFactorization fed = new FederatedMatrixFactorization(RATINGS, USERS, ITEMS, D, s, Device.CPU, SEED);
        double[] before = fed.model().parameters().get("user.W_emb").toDoubleArray();
        fed.round();
        double[] after = fed.model().parameters().get("user.W_emb").toDoubleArray();
        int changedRows = 0;
        for (int u = 0; u < USERS; u++) {
            boolean changed = before[u * D] != after[u * D] || before[u * D + 1] != after[u * D + 1];
            changedRows += changed ? 1 : 0;
        }
        assertEquals(1, changedRows);
    }

    @Test
    void noRatingsIsRefused() {
        Ratings none = new Ratings(new int[0], new int[0], new float[0], new long[0]);
        var e = assertThrows(IllegalArgumentException.class, () -> new FederatedMatrixFactorization(none, 2, 2, 2,
                new FederatedMatrixFactorization.Settings(0.5, 1, 0, 0.1, 0, 1), Device.CPU, 1));
        assertTrue(e.getMessage().contains("no client has data"), e.getMessage());
    }

    private static BiasedMF fresh() {
        return new BiasedMF(USERS, ITEMS, D, RATINGS.meanRating(), false, DType.F32, new SplittableRandom(SEED));
    }

    /** User u's two full-batch SGD steps on its own ratings, by autograd and w ← w − η∇. */
    private static Map<String, double[]> trainAlone(int u) {
        BiasedMF m = fresh();
        int[] rows = java.util.stream.IntStream.range(0, RATINGS.size()).filter(i -> RATINGS.users()[i] == u).toArray();
        int[] users = java.util.Arrays.stream(rows).map(i -> RATINGS.users()[i]).toArray();
        int[] items = java.util.Arrays.stream(rows).map(i -> RATINGS.items()[i]).toArray();
        float[] y = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = RATINGS.ratings()[rows[i]];
        }
        for (int step = 0; step < 2; step++) {
            m.parameters().values().forEach(Tensor::zeroGrad);
            Losses.mse(m.score(m.parameters(), users, items), Tensor.of(y, rows.length, 1)).backward();
            for (Tensor p : m.parameters().values()) {
                if (p.grad() != null) {
                    p.copyFrom(p.detach().sub(p.grad().mul(LR)));
                }
            }
        }
        return weights(m);
    }

    private static Map<String, double[]> weights(BiasedMF m) {
        Map<String, double[]> out = new HashMap<>();
        m.parameters().forEach((name, p) -> out.put(name, p.toDoubleArray()));
        return out;
    }
}
