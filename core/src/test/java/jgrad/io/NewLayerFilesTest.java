package jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.conv.AvgPool2D;
import jgrad.nn.conv.Conv1D;
import jgrad.nn.conv.Conv2D;
import jgrad.nn.conv.GlobalAveragePooling;
import jgrad.nn.conv.MaxPool2D;
import jgrad.nn.conv.Padding;
import jgrad.nn.norm.BatchNorm;
import jgrad.nn.norm.LayerNorm;
import jgrad.nn.transformer.MultiHeadAttention;
import jgrad.nn.transformer.PositionalEmbedding;
import jgrad.nn.transformer.TransformerBlock;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The convolution, pooling, normalization and Transformer layers survive a model file: rebuilt from their
 * config with the saved weights (and BatchNorm's running statistics), they give the same outputs, bit for bit,
 * with non-default strides, paddings, dilations, epsilons and momenta.
 */
class NewLayerFilesTest {

    @TempDir
    Path dir;

    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new SplittableRandom(seed), DType.F32, 0, 1, shape);
    }

    private <M extends Module> Module saveAndLoad(M model, String name) throws Exception {
        Path file = dir.resolve(name);
        ModelFiles.save(model, file);
        return ModelFiles.load(file);
    }

    @Test
    void convolutionsPoolingAndBatchNormWithRunningStatistics() throws Exception {
        SplittableRandom rng = new SplittableRandom(1);
        Sequential model = new Sequential(
                new Conv2D(2, 3, new int[] {3, 2}, new int[] {1, 2}, Padding.of(1, 0), new int[] {2, 1},
                        Activation.RELU, DType.F32, rng),
                new BatchNorm(3, 0.9, 1e-2, DType.F32),
                new MaxPool2D(new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 0}),
                new AvgPool2D(2),
                new GlobalAveragePooling());
        model.forward(randn(2, 4, 2, 9, 10));        // training mode: BatchNorm's running statistics move
        model.eval();
        Tensor x = randn(3, 2, 2, 9, 10);
        Sequential back = assertInstanceOf(Sequential.class, saveAndLoad(model, "conv2d"));
        back.eval();
        assertArrayEquals(model.buffers().get("1.running_mean").toFloatArray(),
                back.buffers().get("1.running_mean").toFloatArray());
        assertArrayEquals(model.forward(x).toFloatArray(), back.forward(x).toFloatArray());
    }

    @Test
    void conv1dLayerNormAndPositionalEmbedding() throws Exception {
        SplittableRandom rng = new SplittableRandom(2);
        Sequential conv = new Sequential(
                new Conv1D(4, 3, 3, 2, Padding.same(), 1, Activation.TANH, DType.F32, rng),
                new LayerNorm(4, 1e-3, DType.F32));
        Tensor x = randn(4, 2, 4, 7);
        assertArrayEquals(conv.forward(x).toFloatArray(), ((Sequential) saveAndLoad(conv, "conv1d")).forward(x)
                .toFloatArray());
        Sequential positions = new Sequential(new PositionalEmbedding(6, 4, DType.F32, rng));
        Tensor seq = randn(5, 2, 5, 4);
        assertArrayEquals(positions.forward(seq).toFloatArray(),
                ((Sequential) saveAndLoad(positions, "positions")).forward(seq).toFloatArray());
    }

    @Test
    void attentionAndTransformerBlock() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor x = randn(6, 2, 5, 8);
        Tensor mask = Tensor.of(new float[] {1, 1, 1, 0, 0, 1, 1, 1, 1, 1}, 2, 5);
        MultiHeadAttention attention = new MultiHeadAttention(8, 2, true, DType.F32, rng);
        MultiHeadAttention attentionBack = assertInstanceOf(MultiHeadAttention.class, saveAndLoad(attention, "mha"));
        assertArrayEquals(attention.forward(x, mask).y().toFloatArray(), attentionBack.forward(x, mask).y().toFloatArray());
        assertEquals(2, attentionBack.heads());
        TransformerBlock block = new TransformerBlock(8, 4, 16, true, true, 0.3, 1e-5, DType.F32, rng);
        block.eval();
        TransformerBlock blockBack = assertInstanceOf(TransformerBlock.class, saveAndLoad(block, "block"));
        blockBack.eval();
        assertEquals(block.config(), blockBack.config());
        assertArrayEquals(block.forward(x, mask).toFloatArray(), blockBack.forward(x, mask).toFloatArray());
    }
}
