package jgrad.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.nn.LayerGradCheck;
import jgrad.tensor.Tensor;

class DinModelTest {

    /** Two examples: user 1 with history (1, 2), user 2 with history (3) padded to 2. */
    private static CtrBatch twoRows() {
        CtrExamples ex = new CtrExamples(new int[] {1, 2}, new int[] {4, 5}, new int[] {1, 0},
                new int[][] {{1, 2}, {3}});
        return CtrBatch.of(ex, new int[] {0, 1}, Device.CPU);
    }

    /** D = 1 (items of size 2), a unit of one sigmoid reading the first coordinate of e_t: a_t = σ(e_t[0]). */
    private static DinModel tinyModel(Pooling pooling) {
        DinConfig c = new DinConfig(1, new int[] {2}, Unit.RELU, pooling, 1, Unit.SIGMOID, 0);
        DinModel m = new DinModel(3, CtrFixtures.genres(), c, DType.F64, new SplittableRandom(1));
        if (pooling != Pooling.MEAN) {
            m.parameters().get("attention.hidden.dense.W").copyFrom(Tensor.of(new double[] {1, 0, 0, 0, 0, 0, 0, 0}, 1, 8));
            m.parameters().get("attention.hidden.dense.b").copyFrom(Tensor.of(new double[] {0}, 1));
            m.parameters().get("attention.out.W").copyFrom(Tensor.of(new double[] {1}, 1, 1));
            m.parameters().get("attention.out.b").copyFrom(Tensor.of(new double[] {0}, 1));
        }
        return m;
    }

    private static double[] weights(Pooling pooling) {
        DinModel m = tinyModel(pooling);
        Tensor history = Tensor.of(new double[] {0, 9, Math.log(3), 9, 1, 9, 5, 9}, 2, 2, 2);
        Tensor candidate = Tensor.of(new double[] {7, 7, 7, 7}, 2, 2);
        return m.historyWeights(m.parameters(), history, candidate, twoRows()).toDoubleArray();
    }

    @Test
    void historyWeightsOfEachPoolingByHand() {
        double e5 = Math.exp(0.5);
        double e75 = Math.exp(0.75);
        // σ(0) = 0.5, σ(ln 3) = 0.75, σ(1); the padded position gets 0 whatever its score.
        assertArrayEquals(new double[] {0.5, 0.5, 1, 0}, weights(Pooling.MEAN), 1e-7);
        assertArrayEquals(new double[] {0.5, 0.75, 1 / (1 + Math.exp(-1)), 0}, weights(Pooling.ATTENTION), 1e-12);
        assertArrayEquals(new double[] {e5 / (e5 + e75), e75 / (e5 + e75), 1, 0}, weights(Pooling.SOFTMAX), 1e-12);
    }

    /** Five rows, so that Dice's batch variance is well away from 0 (with two rows its normalized values are ±1). */
    private static CtrBatch fiveRows() {
        CtrExamples ex = new CtrExamples(new int[] {1, 2, 1, 2, 1}, new int[] {4, 5, 6, 1, 3}, new int[] {1, 0, 0, 1, 1},
                new int[][] {{1, 2}, {3}, {}, {6, 5, 4}, {2}});
        return CtrBatch.of(ex, new int[] {0, 1, 2, 3, 4}, Device.CPU);
    }

    @Test
    void logitsGradientMatchesFiniteDifferencesForEachPooling() {
        for (Pooling p : Pooling.values()) {
            for (Unit mlpUnit : List.of(Unit.RELU, Unit.DICE)) {
                DinConfig c = new DinConfig(2, new int[] {3, 2}, mlpUnit, p, 3, Unit.DICE, 0);
                DinModel m = new DinModel(3, CtrFixtures.genres(), c, DType.F64, new SplittableRandom(7));
                awayFromKinks(m);
                double worst = LayerGradCheck.check("din " + p + " " + mlpUnit, m.parameters(), List.of(),
                        (w, in) -> m.logits(w, fiveRows()));
                assertTrue(worst < 1e-6, p + ": worst error " + worst);
            }
        }
    }

    /** Random biases instead of zeros, so that no ReLU input sits on the kink at 0 for a finite difference. */
    private static void awayFromKinks(DinModel m) {
        SplittableRandom r = new SplittableRandom(11);
        m.parameters().forEach((name, p) -> {
            if (name.endsWith(".b")) {
                p.copyFrom(Tensor.randn(r, DType.F64, 0, 0.5, p.shape()));
            }
        });
    }

    @Test
    void logisticRegressionGradientMatchesFiniteDifferences() {
        LogisticCtr m = new LogisticCtr(3, CtrFixtures.genres(), DType.F64, new SplittableRandom(8));
        double worst = LayerGradCheck.check("logistic ctr", m.parameters(), List.of(), (w, in) -> m.logits(w, twoRows()));
        assertTrue(worst < 1e-8, "worst error " + worst);
    }

    @Test
    void logisticRegressionIsTheSumOfItsFeatureWeightsByHand() {
        LogisticCtr m = new LogisticCtr(3, CtrFixtures.genres(), DType.F64, new SplittableRandom(8));
        double[] user = m.parameters().get("user.W_emb").toDoubleArray();
        double[] item = m.parameters().get("item.W_emb").toDoubleArray();
        double[] hist = m.parameters().get("history.W_emb").toDoubleArray();
        double[] g = m.parameters().get("genre.W").toDoubleArray();
        double gb = m.parameters().get("genre.b").item();
        double[] hg = m.parameters().get("history_genre.W").toDoubleArray();
        double hb = m.parameters().get("history_genre.b").item();
        // row 0: user 1, item 4 (Drama), history 1 (Action), 2 (Comedy): mean genre row (0.5, 0.5, 0).
        double row0 = user[1] + item[4] + g[2] + gb + (hist[1] + hist[2]) / 2 + 0.5 * hg[0] + 0.5 * hg[1] + hb;
        // row 1: user 2, item 5 (no genre), history 3 (Action + Comedy, 1/2 each).
        double row1 = user[2] + item[5] + gb + hist[3] + 0.5 * hg[0] + 0.5 * hg[1] + hb;
        assertArrayEquals(new double[] {row0, row1}, m.logits(twoRows()).toDoubleArray(), 1e-12);
    }

    @Test
    void unknownIdsAreNamed() {
        DinModel m = tinyModel(Pooling.ATTENTION);
        CtrExamples ex = new CtrExamples(new int[] {1}, new int[] {9}, new int[] {1}, new int[][] {{1}});
        var e = assertThrows(IllegalArgumentException.class, () -> m.logits(CtrBatch.of(ex, new int[] {0}, Device.CPU)));
        assertTrue(e.getMessage().contains("unknown item id at position 0") && e.getMessage().contains("1 to 6"), e.getMessage());
        CtrExamples badUser = new CtrExamples(new int[] {3}, new int[] {1}, new int[] {1}, new int[][] {{}});
        e = assertThrows(IllegalArgumentException.class, () -> m.logits(CtrBatch.of(badUser, new int[] {0}, Device.CPU)));
        assertTrue(e.getMessage().contains("unknown user id at position 0") && !e.getMessage().contains("3"),
                e.getMessage());
    }
}
