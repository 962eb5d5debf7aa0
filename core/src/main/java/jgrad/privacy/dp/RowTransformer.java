package jgrad.privacy.dp;

import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.layers.Attention;
import jgrad.nn.layers.Dense;
import jgrad.nn.transformer.PositionalEmbedding;
import jgrad.nn.transformer.TransformerBlock;
import jgrad.train.Sequential;

/**
 * A small attention classifier for images read row by row, each row one step of a sequence (28 rows of 28 pixels
 * for Fashion-MNIST), made of layers whose per-example gradients {@link DpSgd} reads:
 * <pre>
 *   x [B, rows, cols] → Dense(cols → d) at every row → + positions (PositionalEmbedding(rows, d))
 *   → TransformerBlock(d, heads, d_ff = 2d, pre-norm, no dropout)
 *   → attention pooling (general score; the last row's vector asks, {@link Attention#forward(jgrad.tensor.Tensor)})
 *   → Dense(d → classes) logits
 * </pre>
 */
public final class RowTransformer {

    private RowTransformer() {
    }

    /** The model with weights drawn from {@code rng}; {@code heads} must divide {@code d}. */
    public static Sequential of(int rows, int cols, int d, int heads, int classes, RandomGenerator rng) {
        return new Sequential(
                new Dense(cols, d, Activation.LINEAR, rng),
                new PositionalEmbedding(rows, d, DType.F32, rng),
                new TransformerBlock(d, heads, 2 * d, false, true, 0.0, 1e-5, DType.F32, rng),
                new Attention(Attention.Score.GENERAL, d, d, 0, DType.F32, rng),
                new Dense(d, classes, Activation.LINEAR, rng));
    }
}
