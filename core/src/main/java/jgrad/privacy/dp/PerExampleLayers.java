package jgrad.privacy.dp;

import java.util.Map;

import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.conv.Conv1D;
import jgrad.nn.conv.Conv2D;
import jgrad.nn.layers.Attention;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Embedding;
import jgrad.nn.layers.Gru;
import jgrad.nn.layers.Lstm;
import jgrad.nn.layers.Rnn;
import jgrad.nn.norm.BatchNorm;
import jgrad.nn.norm.LayerNorm;
import jgrad.nn.transformer.MultiHeadAttention;
import jgrad.nn.transformer.PositionalEmbedding;
import jgrad.nn.transformer.TransformerBlock;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/** The per-example gradient reader of each layer DP-SGD supports; any other layer with parameters is refused by name. */
final class PerExampleLayers {

    static final String SUPPORTED = "Dense, Conv1D, Conv2D, Embedding, PositionalEmbedding, LayerNorm, RNN, GRU, LSTM,"
            + " Attention, MultiHeadAttention, TransformerBlock and layers without parameters";

    private PerExampleLayers() {
    }

    /** The reader of a layer ({@code where}: "layer 3"), or an error naming the layer and why it cannot be read. */
    static ExampleGradients of(Layer layer, String where) {
        String name = where + " (" + layer.getClass().getSimpleName() + ")";
        return switch (layer) {
            case Sequential s -> new SequentialExamples(s, where + " → ");
            case Dense d -> new DenseExamples(d);
            case Conv2D c -> new ConvExamples(c);
            case Conv1D c -> new ConvExamples(c);
            case Embedding e -> new EmbeddingExamples(e);
            case LayerNorm n -> new LayerNormExamples(n);
            case PositionalEmbedding p -> new PositionExamples(p);
            case Rnn r -> new RnnExamples(r);
            case Gru g -> new GruExamples(g);
            case Lstm l -> new LstmExamples(l);
            case MultiHeadAttention a -> new MultiHeadExamples(a);
            case TransformerBlock t -> new TransformerExamples(t);
            case Attention a when !a.parameters().isEmpty() -> new AttentionExamples(a);
            case BatchNorm b -> throw new IllegalArgumentException("DP-SGD cannot clip per-example gradients through "
                    + name + ": batch normalization mixes the examples of a batch (each output depends on the batch's"
                    + " mean and variance), so no example has a gradient of its own; use LayerNorm instead");
            default -> {
                if (layer instanceof Module m && !m.parameters().isEmpty()) {
                    throw new IllegalArgumentException("DP-SGD cannot compute per-example gradients for " + name
                            + "; it handles " + SUPPORTED);
                }
                yield new WithoutParameters(layer);
            }
        };
    }

    /** A layer without parameters (Flatten, pooling, dropout): its forward as is, nothing to clip. */
    private record WithoutParameters(Layer layer) implements ExampleGradients {

        @Override
        public Tensor forward(Tensor x) {
            return layer.forward(x);
        }

        @Override
        public Tensor squaredNorms() {
            return null;
        }

        @Override
        public Map<Tensor, Tensor> clippedSums(Tensor factors) {
            return Map.of();
        }
    }
}
