package jgrad.train;

import java.util.Map;
import java.util.function.Function;

import jgrad.io.ModelTypeProvider;

/** {@link Sequential} and the functional {@link Model}, for the model-file registry ({@link jgrad.io.LayerRegistry}). */
public final class GraphModelTypes implements ModelTypeProvider {

    @Override
    public Map<String, Function<Map<String, Object>, ?>> types() {
        return Map.of("Sequential", Sequential::fromConfig, "Model", Model::fromConfig);
    }
}
