package jgrad.nn.layers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The factories that rebuild this package's layers from their {@code type()} and {@code config()},
 * for the model-file registry (through {@code jgrad.io.BuiltInLayerTypes}, a {@code jgrad.io.ModelTypeProvider}).
 */
public final class LayerFactories {

    private LayerFactories() {
    }

    public static Map<String, Function<Map<String, Object>, ?>> all() {
        Map<String, Function<Map<String, Object>, ?>> f = new LinkedHashMap<>();
        f.put("Dense", Dense::fromConfig);
        f.put("Embedding", Embedding::fromConfig);
        f.put("Flatten", Flatten::fromConfig);
        f.put("Concat", Concat::fromConfig);
        f.put("Dot", Dot::fromConfig);
        f.put("Dropout", Dropout::fromConfig);
        f.put("RNN", Rnn::fromConfig);
        f.put("LSTM", Lstm::fromConfig);
        f.put("GRU", Gru::fromConfig);
        f.put("Attention", Attention::fromConfig);
        return f;
    }
}
