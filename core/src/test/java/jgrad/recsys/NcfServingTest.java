package jgrad.recsys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/** The serving snapshot of NCF models against the models' own scores. */
class NcfServingTest {

    private static Ncf model(Ncf.Kind kind, DType dtype) {
        Ncf m = new Ncf(kind, 7, 40, 4, 6, new int[] {8, 5, 3}, dtype, new SplittableRandom(3));
        // Spread the weights out from the small initial ranges so that relu cuts and ranks differ by user.
        SplittableRandom rnd = new SplittableRandom(4);
        m.parameters().values().forEach(t -> {
            for (int i = 0; i < t.numel(); i++) {
                t.storage().set(t.offset() + i, rnd.nextDouble(-1, 1));
            }
        });
        return m;
    }

    @Test
    void scoresEqualTheModelsForEveryKind() {
        for (Ncf.Kind kind : Ncf.Kind.values()) {
            Ncf m = model(kind, DType.F64);
            NcfServing serving = m.forServing();
            for (int u = 0; u < m.numUsers(); u++) {
                assertArrayEquals(m.scoreItems(u), serving.scoreItems(u), 1e-12, kind + " user " + u);
                assertArrayEquals(m.recommend(u, 10, new int[] {0, 5}), serving.recommend(u, 10, new int[] {0, 5}),
                        kind + " user " + u);
            }
        }
    }

    @Test
    void queriesFromManyThreadsAtOnceAnswerAsOneThreadDoes() throws Exception {
        Ncf m = model(Ncf.Kind.NEUMF, DType.F32);
        NcfServing serving = m.forServing();
        int[][] expected = new int[m.numUsers()][];
        for (int u = 0; u < m.numUsers(); u++) {
            expected[u] = serving.recommend(u, 5, new int[] {u % m.numItems()});
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            java.util.List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                answers.add(pool.submit(() -> {
                    boolean same = true;
                    for (int round = 0; round < 50; round++) {
                        for (int u = 0; u < m.numUsers(); u++) {
                            same &= java.util.Arrays.equals(expected[u], serving.recommend(u, 5, new int[] {u % m.numItems()}));
                        }
                    }
                    return same;
                }));
            }
            for (var answer : answers) {
                assertTrue(answer.get(), "a concurrent query gave another answer");
            }
        }
    }

    @Test
    void floatScoresAgreeToFloatRounding() {
        Ncf m = model(Ncf.Kind.NEUMF, DType.F32);
        double[] expected = m.scoreItems(2);
        double[] actual = m.forServing().scoreItems(2);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * (1 + Math.abs(expected[i])), "item " + i);
        }
    }

    @Test
    void theSnapshotIsFrozen() {
        Ncf m = model(Ncf.Kind.NEUMF, DType.F64);
        NcfServing serving = m.forServing();
        double[] before = serving.scoreItems(1);
        Tensor w = m.parameters().get("mlp_item.W_emb");
        w.storage().set(w.offset(), 5.0);
        assertArrayEquals(before, serving.scoreItems(1), 0.0);
        assertTrue(m.scoreItems(1)[0] != before[0], "the model itself changed");
    }

    @Test
    void anUnknownUserIsNamed() {
        NcfServing serving = model(Ncf.Kind.GMF, DType.F64).forServing();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> serving.scoreItems(7));
        assertTrue(e.getMessage().contains("user") && e.getMessage().contains("7"), e.getMessage());
    }
}
