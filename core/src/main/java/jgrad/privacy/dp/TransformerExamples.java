package jgrad.privacy.dp;

import java.util.List;
import java.util.Map;

import jgrad.nn.transformer.TransformerBlock;
import jgrad.tensor.Tensor;

/**
 * Per-example gradients of a {@link TransformerBlock}: the block's own wiring (residuals, dropouts, post- or
 * pre-norm; {@link TransformerBlock#forwardThrough}) over the readers of its parts — the self-attention
 * ({@link MultiHeadExamples}), the two layer normalizations and the feed-forward network's two dense layers, each
 * applied at every position. Their parameters are disjoint, so an example's squared norm is the sum of theirs.
 */
final class TransformerExamples implements ExampleGradients {

    private final TransformerBlock block;
    private final ExampleGradients attention;
    private final ExampleGradients norm1;
    private final ExampleGradients ff1;
    private final ExampleGradients ff2;
    private final ExampleGradients norm2;
    private final List<ExampleGradients> parts;

    TransformerExamples(TransformerBlock block) {
        this.block = block;
        this.attention = new MultiHeadExamples(block.attention());
        this.norm1 = new LayerNormExamples(block.norm1());
        this.ff1 = new DenseExamples(block.ff1());
        this.ff2 = new DenseExamples(block.ff2());
        this.norm2 = new LayerNormExamples(block.norm2());
        this.parts = List.of(attention, norm1, ff1, ff2, norm2);
    }

    @Override
    public Tensor forward(Tensor x) {
        return block.forwardThrough(x, new TransformerBlock.Parts() {
            @Override
            public Tensor attention(Tensor z) {
                return attention.forward(z);
            }

            @Override
            public Tensor norm1(Tensor z) {
                return norm1.forward(z);
            }

            @Override
            public Tensor feedForward(Tensor z) {
                return ff2.forward(ff1.forward(z));
            }

            @Override
            public Tensor norm2(Tensor z) {
                return norm2.forward(z);
            }
        });
    }

    @Override
    public Tensor squaredNorms() {
        return SequentialExamples.squaredNorms(parts);
    }

    @Override
    public Map<Tensor, Tensor> clippedSums(Tensor factors) {
        return SequentialExamples.clippedSums(parts, factors);
    }
}
