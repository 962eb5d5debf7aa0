package jgrad.privacy.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Flatten;
import jgrad.nn.loss.Losses;
import jgrad.optim.SGD;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;
import org.junit.jupiter.api.Test;

/**
 * DP-SGD's clipped, noisy gradient against the definition: each example's gradient taken alone by plain
 * autograd, clipped by hand and summed (SGD with rate 1 turns the gradient into the weights' change).
 */
class DpSgdTest {

    private static Sequential model(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Sequential(new Flatten(), new Dense(6, 4, Activation.TANH, DType.F64, rng),
                new Dense(4, 2, Activation.LINEAR, DType.F64, rng));
    }

    private static Tensor input(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[rows * 6];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * r.nextDouble() - 1;
        }
        return Tensor.of(v, rows, 2, 3);
    }

    @Test
    void withoutNoiseTheStepIsTheSumOfClippedPerExampleGradients() {
        int batch = 5;
        Tensor x = input(batch, 1);
        Tensor y = input(batch, 2).reshape(batch, 6).narrow(1, 0, 2).contiguous();
        Sequential reference = model(3);
        double[][] perExample = new double[batch][];
        double[] norms = new double[batch];
        for (int i = 0; i < batch; i++) {
            reference.parameters().values().forEach(p -> p.zeroGrad());
            Losses.mse(reference.forward(x.narrow(0, i, 1)), y.narrow(0, i, 1)).backward();
            perExample[i] = flatGrad(reference);
            norms[i] = Math.sqrt(Arrays.stream(perExample[i]).map(g -> g * g).sum());
        }
        double clip = sorted(norms)[batch / 2];               // clips about half of the examples
        int n = 40;
        double q = 0.125;                                    // expected batch qN = 5
        double[] expected = new double[perExample[0].length];
        for (int i = 0; i < batch; i++) {
            double c = Math.min(1, clip / norms[i]);
            for (int j = 0; j < expected.length; j++) {
                expected[j] += c * perExample[i][j] / (q * n);
            }
        }
        Sequential m = model(3);
        double[] before = flatWeights(m);
        DpSgd dp = DpSgd.of(new SGD(1.0), clip, 0, q, n, 9).bind(m);
        dp.step(x, y, Losses::mse);
        double[] after = flatWeights(m);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], before[j] - after[j], 1e-12, "coordinate " + j);
        }
        assertEquals(Double.POSITIVE_INFINITY, dp.spent(1e-5).epsilon());
    }

    /** An empty Poisson batch is noise alone: the change has standard deviation σC/(qN) and mean 0. */
    @Test
    void noiseHasStandardDeviationSigmaTimesClipOverExpectedBatch() {
        SplittableRandom rng = new SplittableRandom(5);
        Sequential m = new Sequential(new Dense(100, 100, Activation.LINEAR, DType.F64, rng));
        double[] before = flatWeights(m);
        double sigma = 1.5;
        double clip = 2.0;
        DpSgd dp = DpSgd.of(new SGD(1.0), clip, sigma, 0.01, 1000, 11).bind(m);
        dp.step(Tensor.zeros(DType.F64, 0, 100), Tensor.zeros(DType.F64, 0, 100), Losses::mse);
        double[] after = flatWeights(m);
        double sum = 0;
        double sumSq = 0;
        for (int j = 0; j < after.length; j++) {
            double d = after[j] - before[j];
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / after.length;
        double std = Math.sqrt(sumSq / after.length - mean * mean);
        double expectedStd = sigma * clip / (0.01 * 1000);
        assertEquals(expectedStd, std, 0.03 * expectedStd);         // 10,100 draws: a 1 % standard error
        assertEquals(0, mean, 0.04 * expectedStd);
        assertEquals(1, dp.steps());
        assertEquals(RdpAccountant.epsilon(0.01, sigma, 1, 1e-5).epsilon(), dp.spent(1e-5).epsilon(), 1e-12);
    }

    @Test
    void poissonBatchesHaveTheExpectedSize() {
        DpSgd dp = DpSgd.of(new SGD(0.1), 1, 1, 0.1, 10_000, 1);
        int[] b = dp.sampleBatch(new SplittableRandom(3));
        assertEquals(1000, b.length, 90);                     // binomial: standard deviation 30
        assertTrue(b.length == 0 || b[b.length - 1] < 10_000);
    }

    /** Every index joins with probability q, whatever its place (the gaps are geometric, not the indices). */
    @Test
    void everyExampleJoinsWithProbabilityQ() {
        DpSgd dp = DpSgd.of(new SGD(0.1), 1, 1, 0.3, 40, 1);
        SplittableRandom r = new SplittableRandom(4);
        int batches = 20_000;
        int[] joined = new int[40];
        for (int b = 0; b < batches; b++) {
            for (int i : dp.sampleBatch(r)) {
                joined[i]++;
            }
        }
        double se = Math.sqrt(0.3 * 0.7 / batches);
        for (int i = 0; i < 40; i++) {
            assertEquals(0.3, joined[i] / (double) batches, 4.5 * se, "example " + i);
        }
        assertEquals(40, DpSgd.of(new SGD(0.1), 1, 1, 1.0, 40, 1).sampleBatch(r).length);
    }

    @Test
    void layersWithoutPerExampleGradientsAreRefusedByName() {
        SplittableRandom rng = new SplittableRandom(1);
        Sequential withBagOfWords = new Sequential(new Dense(3, 3, Activation.RELU, rng), new jgrad.text.BagOfWords(3, 3, rng),
                new Dense(3, 1, Activation.LINEAR, rng));
        var e = assertThrows(IllegalArgumentException.class, () -> DpSgd.of(new SGD(0.1), 1, 1, 0.1, 100, 1).bind(withBagOfWords));
        assertTrue(e.getMessage().contains("layer 1 (BagOfWords)"), e.getMessage());
    }

    @Test
    void badSettingsAreRefused() {
        var clip = assertThrows(IllegalArgumentException.class, () -> DpSgd.of(new SGD(0.1), 0, 1, 0.1, 100, 1));
        assertTrue(clip.getMessage().contains("clip norm"), clip.getMessage());
        var noise = assertThrows(IllegalArgumentException.class, () -> DpSgd.of(new SGD(0.1), 1, -1, 0.1, 100, 1));
        assertTrue(noise.getMessage().contains("noise multiplier"), noise.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DpSgd.of(new SGD(0.1), 1, 1, 0, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> DpSgd.of(new SGD(0.1), 1, 1, 0.1, 0, 1));
    }

    private static double[] flatGrad(Sequential m) {
        return m.parameters().values().stream().flatMapToDouble(p -> Arrays.stream(p.grad().toDoubleArray())).toArray();
    }

    private static double[] flatWeights(Sequential m) {
        return m.parameters().values().stream().flatMapToDouble(p -> Arrays.stream(p.toDoubleArray())).toArray();
    }

    private static double[] sorted(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }
}
