package jgrad.recsys;

import java.util.Map;
import java.util.function.Function;

import jgrad.io.ModelTypeProvider;

/** The recommenders, for the model-file registry ({@link jgrad.io.LayerRegistry}). */
public final class RecommenderTypes implements ModelTypeProvider {

    @Override
    public Map<String, Function<Map<String, Object>, ?>> types() {
        return Map.of(DotRecommender.TYPE, DotRecommender::fromConfig,
                ConcatRecommender.TYPE, ConcatRecommender::fromConfig,
                BiasedMF.TYPE, BiasedMF::fromConfig,
                UserMlpRecommender.TYPE, UserMlpRecommender::fromConfig,
                Ncf.TYPE, Ncf::fromConfig);
    }
}
