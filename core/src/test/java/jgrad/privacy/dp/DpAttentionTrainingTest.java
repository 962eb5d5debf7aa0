package jgrad.privacy.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.metrics.ClassificationMetrics;
import jgrad.nn.Activation;
import jgrad.nn.layers.Attention;
import jgrad.nn.layers.Dense;
import jgrad.nn.loss.Losses;
import jgrad.nn.transformer.PositionalEmbedding;
import jgrad.nn.transformer.TransformerBlock;
import jgrad.optim.Adam;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;
import org.junit.jupiter.api.Test;

/**
 * DP-SGD trains a model made of attention: a Transformer block and attention pooling learn a label that sits at
 * the first position of a sequence (the pooling asks with the last), under clipping and noise, and ε is what the
 * accountant gives for the steps taken.
 */
class DpAttentionTrainingTest {

    private static final int STEPS = 6;
    private static final int FEATURES = 3;

    @Test
    void aTransformerWithAttentionPoolingLearnsUnderDpSgd() {
        int n = 600;
        Tensor xTrain = sequences(n, 1);
        Tensor xTest = sequences(400, 2);
        SplittableRandom rng = new SplittableRandom(3);
        Sequential model = new Sequential(new Dense(FEATURES, 8, Activation.LINEAR, DType.F64, rng),
                new PositionalEmbedding(STEPS, 8, DType.F64, rng),
                new TransformerBlock(8, 2, 16, false, true, 0.0, 1e-5, DType.F64, rng),
                new Attention(Attention.Score.GENERAL, 8, 8, 0, DType.F64, rng),
                new Dense(8, 2, Activation.LINEAR, DType.F64, rng));
        double q = 0.1;
        double sigma = 1.0;
        DpSgd dp = DpSgd.of(Adam.keras(1e-2), 1.0, sigma, q, n, 7).bind(model);
        double before = accuracy(model, xTest);
        SplittableRandom batches = new SplittableRandom(4);
        int epochs = 6;
        for (int e = 0; e < epochs; e++) {
            dp.epoch(xTrain, labels(xTrain), Losses::softmaxCrossEntropy, batches);
        }
        double after = accuracy(model, xTest);
        assertTrue(after >= 0.85 && after > before + 0.2, "test accuracy " + before + " → " + after);
        assertEquals(epochs * 10L, dp.steps());
        double epsilon = dp.spent(1e-5).epsilon();
        assertEquals(RdpAccountant.epsilon(q, sigma, epochs * 10L, 1e-5).epsilon(), epsilon, 1e-12);
        assertTrue(epsilon > 0 && epsilon < 10, "ε = " + epsilon);
    }

    /** x [n, T, 3] uniform in [−1, 1]. */
    private static Tensor sequences(int n, long seed) {
        return Tensor.rand(new SplittableRandom(seed), DType.F64, -1, 1, n, STEPS, FEATURES);
    }

    /** 1 when the first feature of the first position is positive. */
    private static int[] classes(Tensor x) {
        double[] v = x.toDoubleArray();
        int[] y = new int[x.shape(0)];
        for (int i = 0; i < y.length; i++) {
            y[i] = v[i * STEPS * FEATURES] > 0 ? 1 : 0;
        }
        return y;
    }

    private static Tensor labels(Tensor x) {
        return Tensor.of(java.util.Arrays.stream(classes(x)).asDoubleStream().toArray(), x.shape(0));
    }

    private static double accuracy(Sequential model, Tensor x) {
        int[] predicted = ClassificationMetrics.argmaxRows(model.predict(x).toFloatArray(), 2);
        return ClassificationMetrics.accuracy(predicted, classes(x));
    }
}
