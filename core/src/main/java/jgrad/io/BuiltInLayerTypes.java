package jgrad.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import jgrad.nn.conv.AvgPool2D;
import jgrad.nn.conv.Conv1D;
import jgrad.nn.conv.Conv2D;
import jgrad.nn.conv.GlobalAveragePooling;
import jgrad.nn.conv.MaxPool2D;
import jgrad.nn.layers.LayerFactories;
import jgrad.nn.norm.BatchNorm;
import jgrad.nn.norm.LayerNorm;
import jgrad.nn.transformer.MultiHeadAttention;
import jgrad.nn.transformer.PositionalEmbedding;
import jgrad.nn.transformer.TransformerBlock;

/**
 * The engine's layers for the {@link LayerRegistry}: those of {@code jgrad.nn.layers} (Dense, Embedding, LSTM, …),
 * the convolutions and pooling, the normalizations, and the Transformer's parts.
 */
public final class BuiltInLayerTypes implements ModelTypeProvider {

    @Override
    public Map<String, Function<Map<String, Object>, ?>> types() {
        Map<String, Function<Map<String, Object>, ?>> f = new LinkedHashMap<>(LayerFactories.all());
        f.put("Conv1D", Conv1D::fromConfig);
        f.put("Conv2D", Conv2D::fromConfig);
        f.put("MaxPool2D", MaxPool2D::fromConfig);
        f.put("AvgPool2D", AvgPool2D::fromConfig);
        f.put("GlobalAveragePooling", GlobalAveragePooling::fromConfig);
        f.put("LayerNorm", LayerNorm::fromConfig);
        f.put("BatchNorm", BatchNorm::fromConfig);
        f.put("PositionalEmbedding", PositionalEmbedding::fromConfig);
        f.put("MultiHeadAttention", MultiHeadAttention::fromConfig);
        f.put("TransformerBlock", TransformerBlock::fromConfig);
        return f;
    }
}
