package jgrad.io;

import java.util.Map;
import java.util.function.Function;

import jgrad.nn.layers.LayerFactories;

/** The layers of {@code jgrad.nn.layers} (Dense, Embedding, LSTM, …), for the {@link LayerRegistry}. */
public final class BuiltInLayerTypes implements ModelTypeProvider {

    @Override
    public Map<String, Function<Map<String, Object>, ?>> types() {
        return LayerFactories.all();
    }
}
