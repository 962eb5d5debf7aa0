package jgrad.privacy.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.conv.Conv1D;
import jgrad.nn.conv.Conv2D;
import jgrad.nn.conv.MaxPool2D;
import jgrad.nn.conv.Padding;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Embedding;
import jgrad.nn.layers.Flatten;
import jgrad.nn.layers.Gru;
import jgrad.nn.layers.Lstm;
import jgrad.nn.layers.Rnn;
import jgrad.nn.loss.Losses;
import jgrad.nn.norm.BatchNorm;
import jgrad.nn.norm.LayerNorm;
import jgrad.nn.layers.Attention;
import jgrad.nn.transformer.MultiHeadAttention;
import jgrad.nn.transformer.PositionalEmbedding;
import jgrad.nn.transformer.TransformerBlock;
import jgrad.optim.SGD;
import jgrad.tensor.Tensor;
import jgrad.text.BagOfWords;
import jgrad.train.Sequential;
import org.junit.jupiter.api.Test;

/**
 * Every layer's per-example gradients, as DP-SGD reads them, against the gradient of a batch of one taken by plain
 * autograd through the layer's own forward (float64): each example's squared norm, and the sum Σᵢ cᵢ gᵢ for
 * arbitrary factors cᵢ, to 1e-10. Both norm paths of a shared weight (the ghost identity and the batched GEMM)
 * are reached by the two convolutions.
 */
class PerExampleGradientsTest {

    private static final int BATCH = 4;
    private static final double[] FACTORS = {0.7, 1.0, 0.25, 0.5};

    @Test
    void denseOnSequences() {
        SplittableRandom r = new SplittableRandom(1);
        check(new Sequential(new Dense(3, 5, Activation.TANH, DType.F64, r), new Flatten(),
                new Dense(10, 2, Activation.LINEAR, DType.F64, r)), uniform(r, BATCH, 2, 3), uniform(r, BATCH, 2));
    }

    /** 5×5 images, "same" 3×3: P = 25 positions, P² = 625 > 3·19: the per-example gradients by batched GEMM. */
    @Test
    void conv2dWithPaddingAndPooling() {
        SplittableRandom r = new SplittableRandom(2);
        Conv2D conv = new Conv2D(2, 3, new int[] {3, 3}, new int[] {1, 1}, Padding.same(), new int[] {1, 1},
                Activation.TANH, DType.F64, r);
        check(new Sequential(conv, new MaxPool2D(2), new Flatten(), new Dense(12, 2, Activation.LINEAR, DType.F64, r)),
                uniform(r, BATCH, 2, 5, 5), uniform(r, BATCH, 2));
    }

    /** 5×5 images, stride 2, 3×3 valid: P = 4, P² = 16 < 3·19: the ghost identity. */
    @Test
    void conv2dStridedByTheGhostIdentity() {
        SplittableRandom r = new SplittableRandom(3);
        Conv2D conv = new Conv2D(2, 3, new int[] {3, 3}, new int[] {2, 2}, Padding.valid(), new int[] {1, 1},
                Activation.RELU, DType.F64, r);
        check(new Sequential(conv, new Flatten(), new Dense(12, 2, Activation.LINEAR, DType.F64, r)),
                uniform(r, BATCH, 2, 5, 5), uniform(r, BATCH, 2));
    }

    @Test
    void conv1dStridedSame() {
        SplittableRandom r = new SplittableRandom(4);
        Conv1D conv = new Conv1D(2, 3, 3, 2, Padding.same(), 1, Activation.TANH, DType.F64, r);
        check(new Sequential(conv, new Flatten(), new Dense(12, 2, Activation.LINEAR, DType.F64, r)),
                uniform(r, BATCH, 2, 7), uniform(r, BATCH, 2));
    }

    /** Repeated ids within one example add up in one row: the ghost mask must pair them. */
    @Test
    void embeddingWithRepeatedIds() {
        SplittableRandom r = new SplittableRandom(5);
        Tensor ids = Tensor.of(new double[] {0, 2, 2, 5, 1, 1, 1, 1, 3, 4, 0, 2, 5, 5, 0, 5}, BATCH, 4);
        check(new Sequential(new Embedding(6, 3, DType.F64, r), new Flatten(),
                new Dense(12, 2, Activation.TANH, DType.F64, r)), ids, uniform(r, BATCH, 2));
    }

    @Test
    void layerNormBetweenDenseLayers() {
        SplittableRandom r = new SplittableRandom(6);
        LayerNorm norm = new LayerNorm(4, 1e-5, DType.F64);
        Sequential m = new Sequential(new Dense(3, 4, Activation.LINEAR, DType.F64, r), norm, new Flatten(),
                new Dense(8, 2, Activation.LINEAR, DType.F64, r));
        perturb(norm, r);
        check(m, uniform(r, BATCH, 2, 3), uniform(r, BATCH, 2));
    }

    @Test
    void rnnReturningTheLastStep() {
        SplittableRandom r = new SplittableRandom(7);
        Rnn rnn = new Rnn(3, 4, 2, Activation.TANH, Activation.LINEAR, false, DType.F64, r);
        perturb(rnn, r);
        check(new Sequential(rnn, new Dense(2, 2, Activation.LINEAR, DType.F64, r)), uniform(r, BATCH, 5, 3),
                uniform(r, BATCH, 2));
    }

    @Test
    void rnnReturningSequences() {
        SplittableRandom r = new SplittableRandom(8);
        Rnn rnn = new Rnn(3, 4, 2, Activation.SIGMOID, Activation.TANH, true, DType.F64, r);
        perturb(rnn, r);
        check(new Sequential(rnn), uniform(r, BATCH, 3, 3), uniform(r, BATCH, 3, 2));
    }

    @Test
    void gruReturningSequences() {
        SplittableRandom r = new SplittableRandom(9);
        Gru gru = new Gru(3, 4, true, DType.F64, r);
        perturb(gru, r);
        check(new Sequential(gru, new Flatten(), new Dense(12, 2, Activation.LINEAR, DType.F64, r)),
                uniform(r, BATCH, 3, 3), uniform(r, BATCH, 2));
    }

    @Test
    void lstmReturningTheLastStep() {
        SplittableRandom r = new SplittableRandom(10);
        Lstm lstm = new Lstm(3, 4, false, DType.F64, r);
        perturb(lstm, r);
        check(new Sequential(lstm, new Dense(4, 2, Activation.LINEAR, DType.F64, r)), uniform(r, BATCH, 5, 3),
                uniform(r, BATCH, 2));
    }

    /** A Sequential inside a Sequential: its layers are read one by one. */
    @Test
    void nestedSequential() {
        SplittableRandom r = new SplittableRandom(11);
        Sequential inner = new Sequential(new Dense(3, 4, Activation.TANH, DType.F64, r), new LayerNorm(4, 1e-5, DType.F64));
        check(new Sequential(inner, new Dense(4, 2, Activation.LINEAR, DType.F64, r)), uniform(r, BATCH, 3),
                uniform(r, BATCH, 2));
    }

    @Test
    void batchNormIsRefusedWithTheReason() {
        Sequential m = new Sequential(new Dense(3, 3, Activation.RELU, DType.F64, new SplittableRandom(1)),
                new BatchNorm(3, DType.F64));
        var e = assertThrows(IllegalArgumentException.class, () -> DpSgd.of(new SGD(0.1), 1, 1, 0.1, 100, 1).bind(m));
        assertTrue(e.getMessage().contains("layer 1 (BatchNorm)") && e.getMessage().contains("mixes the examples"),
                e.getMessage());
    }

    /** Positions 0 … T−1 of a longer table: the rows below T get no gradient. */
    @Test
    void positionalEmbeddingOnSequencesShorterThanTheTable() {
        SplittableRandom r = new SplittableRandom(12);
        check(new Sequential(new Dense(3, 4, Activation.TANH, DType.F64, r),
                new PositionalEmbedding(5, 4, DType.F64, r), new Flatten(),
                new Dense(12, 2, Activation.LINEAR, DType.F64, r)), uniform(r, BATCH, 3, 3), uniform(r, BATCH, 2));
    }

    /** T = 3, d = 4: T² = 9 &lt; (d + 1)·3d: the projections' norms by the ghost identity. */
    @Test
    void multiHeadAttention() {
        SplittableRandom r = new SplittableRandom(13);
        MultiHeadAttention mha = new MultiHeadAttention(4, 2, false, DType.F64, r);
        perturb(mha, r);
        check(new Sequential(new Dense(3, 4, Activation.TANH, DType.F64, r), mha, new Flatten(),
                new Dense(12, 2, Activation.LINEAR, DType.F64, r)), uniform(r, BATCH, 3, 3), uniform(r, BATCH, 2));
    }

    /** T = 7, d = 2: T² = 49 &gt; (d + 1)·3d: the projections' per-example gradients by batched GEMM; causal. */
    @Test
    void causalMultiHeadAttentionOnLongerSequences() {
        SplittableRandom r = new SplittableRandom(14);
        MultiHeadAttention mha = new MultiHeadAttention(2, 1, true, DType.F64, r);
        perturb(mha, r);
        check(new Sequential(mha, new Flatten(), new Dense(14, 2, Activation.LINEAR, DType.F64, r)),
                uniform(r, BATCH, 7, 2), uniform(r, BATCH, 2));
    }

    @Test
    void transformerBlockPostNorm() {
        SplittableRandom r = new SplittableRandom(15);
        TransformerBlock block = new TransformerBlock(4, 2, 6, false, false, 0.0, 1e-5, DType.F64, r);
        perturb(block, r);
        check(new Sequential(new Dense(3, 4, Activation.LINEAR, DType.F64, r), block, new Flatten(),
                new Dense(12, 2, Activation.LINEAR, DType.F64, r)), uniform(r, BATCH, 3, 3), uniform(r, BATCH, 2));
    }

    /** SASRec's pre-norm causal block after an embedding and positions: the model DP-SGD would train on sequences. */
    @Test
    void transformerBlockPreNormCausalAfterEmbeddings() {
        SplittableRandom r = new SplittableRandom(16);
        TransformerBlock block = new TransformerBlock(4, 2, 4, true, true, 0.0, 1e-5, DType.F64, r);
        perturb(block, r);
        Tensor ids = Tensor.of(new double[] {0, 2, 2, 5, 1, 1, 3, 4, 0, 2, 5, 5}, BATCH, 3);
        check(new Sequential(new Embedding(6, 4, DType.F64, r), new PositionalEmbedding(3, 4, DType.F64, r), block,
                new Flatten(), new Dense(12, 2, Activation.LINEAR, DType.F64, r)), ids, uniform(r, BATCH, 2));
    }

    @Test
    void attentionPoolingGeneral() {
        SplittableRandom r = new SplittableRandom(17);
        Attention pool = new Attention(Attention.Score.GENERAL, 4, 4, 0, DType.F64, r);
        check(new Sequential(new Dense(3, 4, Activation.TANH, DType.F64, r), pool,
                new Dense(4, 2, Activation.LINEAR, DType.F64, r)), uniform(r, BATCH, 5, 3), uniform(r, BATCH, 2));
    }

    @Test
    void attentionPoolingMlp() {
        SplittableRandom r = new SplittableRandom(18);
        Attention pool = new Attention(Attention.Score.MLP, 4, 4, 3, DType.F64, r);
        perturb(pool, r);
        check(new Sequential(new Dense(3, 4, Activation.TANH, DType.F64, r), pool,
                new Dense(4, 2, Activation.LINEAR, DType.F64, r)), uniform(r, BATCH, 5, 3), uniform(r, BATCH, 2));
    }

    /** Dot pooling has no parameters: the gradients flow through it to the layer before. */
    @Test
    void attentionPoolingDotAfterATransformerBlock() {
        SplittableRandom r = new SplittableRandom(19);
        TransformerBlock block = new TransformerBlock(4, 1, 4, false, true, 0.0, 1e-5, DType.F64, r);
        perturb(block, r);
        check(new Sequential(new Dense(3, 4, Activation.LINEAR, DType.F64, r), block, new Attention(4),
                new Dense(4, 2, Activation.LINEAR, DType.F64, r)), uniform(r, BATCH, 4, 3), uniform(r, BATCH, 2));
    }

    @Test
    void unsupportedLayersAreRefusedByName() {
        Sequential m = new Sequential(new Dense(3, 4, Activation.TANH, DType.F64, new SplittableRandom(1)),
                new BagOfWords(4, 2, new SplittableRandom(2)));
        var e = assertThrows(IllegalArgumentException.class, () -> DpSgd.of(new SGD(0.1), 1, 1, 0.1, 100, 1).bind(m));
        assertTrue(e.getMessage().contains("layer 1 (BagOfWords)"), e.getMessage());
    }

    /** The squared norms and clipped sums DP-SGD computes against B separate backward passes of one example. */
    private static void check(Sequential model, Tensor x, Tensor y) {
        List<Tensor> params = List.copyOf(model.parameters().values());
        double[][] perExample = new double[BATCH][];
        for (int i = 0; i < BATCH; i++) {
            model.zeroGrad();
            Losses.mse(model.forward(x.narrow(0, i, 1)), y.narrow(0, i, 1)).backward();
            perExample[i] = params.stream().flatMapToDouble(p -> Arrays.stream(gradient(p))).toArray();
        }
        model.zeroGrad();
        DpSgd dp = DpSgd.of(new SGD(1.0), 1, 0, 0.5, 8, 1).bind(model);
        double[] norms = new double[BATCH];
        Map<Tensor, Tensor> sums = dp.clippedSums(x, y, Losses::mse, FACTORS, norms);
        double[] expectedNorms = new double[BATCH];
        double[] expectedSum = new double[perExample[0].length];
        for (int i = 0; i < BATCH; i++) {
            for (int j = 0; j < expectedSum.length; j++) {
                expectedNorms[i] += perExample[i][j] * perExample[i][j];
                expectedSum[j] += FACTORS[i] * perExample[i][j];
            }
            assertTrue(expectedNorms[i] > 1e-6, "example " + i + " has a gradient to compare");
        }
        assertArrayEquals(expectedNorms, norms, 1e-10);
        double[] sum = params.stream().flatMapToDouble(p -> {
            assertArrayEquals(p.shape(), sums.get(p).shape(), "the shape of the sum for a parameter");
            return Arrays.stream(sums.get(p).toDoubleArray());
        }).toArray();
        assertEquals(expectedSum.length, sum.length);
        assertArrayEquals(expectedSum, sum, 1e-10);
    }

    /** A parameter's gradient, dense (an embedding table's is row-sparse). */
    private static double[] gradient(Tensor p) {
        return (p.isSparseGrad() ? p.rowGrad().toDense(p.shape()) : p.grad()).toDoubleArray();
    }

    private static Tensor uniform(SplittableRandom r, int... shape) {
        return Tensor.rand(r, DType.F64, -1, 1, shape);
    }

    /** Moves zero biases and unit scales away from their start, so that their gradients are not special. */
    private static void perturb(jgrad.nn.Module m, SplittableRandom r) {
        for (Tensor p : m.parameters().values()) {
            double[] v = p.toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                v[i] += 0.3 * (2 * r.nextDouble() - 1);
            }
            p.copyFrom(Tensor.of(v, p.shape()));
        }
    }
}
