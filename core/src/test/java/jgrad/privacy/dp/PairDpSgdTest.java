package jgrad.privacy.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.nn.loss.Losses;
import jgrad.optim.SGD;
import jgrad.recsys.BiasedMF;
import jgrad.recsys.DotRecommender;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * DP-SGD on embedding tables against the definition: each rating's gradient taken alone by plain autograd
 * (float64), clipped by hand and summed; SGD with rate 1 turns the gradient into the weights' change. The batch
 * repeats users and items and is longer than the user table, so slices and shared rows are both exercised.
 */
class PairDpSgdTest {

    private static final int[] USERS = {0, 2, 0, 1, 2, 2, 0};
    private static final int[] ITEMS = {3, 3, 1, 0, 3, 2, 1};
    private static final double[] RATINGS = {4, 1, 5, 3, 2, 5, 4};

    private static BiasedMF model() {
        BiasedMF m = new BiasedMF(3, 4, 2, 3.5, true, DType.F64, new SplittableRandom(4));
        SplittableRandom r = new SplittableRandom(8);         // biases start at 0: give them values too
        m.parameters().values().forEach(p -> {
            double[] v = p.toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextDouble() - 0.5;
            }
            p.copyFrom(Tensor.of(v, p.shape()));
        });
        return m;
    }

    @Test
    void theStepIsTheSumOfClippedPerRatingGradients() {
        int batch = USERS.length;
        BiasedMF reference = model();
        double[][] perExample = new double[batch][];
        double[] norms = new double[batch];
        for (int i = 0; i < batch; i++) {
            reference.parameters().values().forEach(Tensor::zeroGrad);
            Tensor y = Tensor.of(new double[] {RATINGS[i]}, 1, 1);
            Losses.mse(reference.score(reference.parameters(), new int[] {USERS[i]}, new int[] {ITEMS[i]}), y).backward();
            perExample[i] = flatDenseGrad(reference.parameters());
            norms[i] = Math.sqrt(Arrays.stream(perExample[i]).map(g -> g * g).sum());
        }
        double[] sorted = norms.clone();
        Arrays.sort(sorted);
        double clip = sorted[batch / 2];                       // clips about half of the ratings
        int n = 70;
        double q = 0.1;
        double[] expected = new double[perExample[0].length];
        for (int i = 0; i < batch; i++) {
            double c = Math.min(1, clip / norms[i]);
            for (int j = 0; j < expected.length; j++) {
                expected[j] += c * perExample[i][j] / (q * n);
            }
        }
        BiasedMF m = model();
        double[] before = flatWeights(m.parameters());
        PairDpSgd dp = PairDpSgd.of(new SGD(1.0), clip, 0, q, n, 9).bind(m);
        double meanLoss = dp.step(USERS, ITEMS, Tensor.of(RATINGS, batch, 1), Losses::mse);
        double[] after = flatWeights(m.parameters());
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], before[j] - after[j], 1e-12, "coordinate " + j);
        }
        double expectedLoss = 0;
        for (int i = 0; i < batch; i++) {
            double e = reference.predictPairs(new int[] {USERS[i]}, new int[] {ITEMS[i]})[0] - RATINGS[i];
            expectedLoss += e * e / batch;
        }
        assertEquals(expectedLoss, meanLoss, 1e-12);
    }

    /** An empty batch is noise alone on every row of every table: standard deviation σC/(qN). */
    @Test
    void noiseCoversEveryRow() {
        BiasedMF m = new BiasedMF(300, 200, 20, 3, true, DType.F64, new SplittableRandom(1));
        double[] before = flatWeights(m.parameters());
        PairDpSgd dp = PairDpSgd.of(new SGD(1.0), 2.0, 1.5, 0.01, 1000, 3).bind(m);
        dp.step(new int[0], new int[0], Tensor.zeros(DType.F64, 0, 1), Losses::mse);
        double[] after = flatWeights(m.parameters());
        double sumSq = 0;
        int zeros = 0;
        for (int j = 0; j < after.length; j++) {
            double d = after[j] - before[j];
            sumSq += d * d;
            zeros += d == 0 ? 1 : 0;
        }
        double expectedStd = 1.5 * 2.0 / (0.01 * 1000);
        assertEquals(expectedStd, Math.sqrt(sumSq / after.length), 0.03 * expectedStd);
        assertEquals(0, zeros);
        assertEquals(RdpAccountant.epsilon(0.01, 1.5, 1, 1e-5).epsilon(), dp.spent(1e-5).epsilon(), 1e-12);
    }

    @Test
    void aDenseLayerIsRefusedByName() {
        DotRecommender dot = new DotRecommender(3, 4, 2, DType.F64, new SplittableRandom(1));
        var e = assertThrows(IllegalArgumentException.class, () -> PairDpSgd.of(new SGD(0.1), 1, 1, 0.1, 10, 1).bind(dot));
        assertTrue(e.getMessage().contains("'out.W'"), e.getMessage());
    }

    private static double[] flatDenseGrad(Map<String, Tensor> params) {
        return params.values().stream().flatMapToDouble(p -> Arrays.stream(
                p.rowGrad() != null ? p.rowGrad().toDense(p.shape()).toDoubleArray() : new double[p.numel()])).toArray();
    }

    private static double[] flatWeights(Map<String, Tensor> params) {
        return params.values().stream().flatMapToDouble(p -> Arrays.stream(p.toDoubleArray())).toArray();
    }
}
