package jgrad.recsys;

import jgrad.io.LayerRegistry;

/** Makes the recommenders loadable from model files: call {@link #register()} before {@code ModelFiles.load}. */
public final class RecsysModels {

    private RecsysModels() {
    }

    public static void register() {
        LayerRegistry.register(DotRecommender.TYPE, DotRecommender::fromConfig);
        LayerRegistry.register(ConcatRecommender.TYPE, ConcatRecommender::fromConfig);
        LayerRegistry.register(BiasedMF.TYPE, BiasedMF::fromConfig);
        LayerRegistry.register(UserMlpRecommender.TYPE, UserMlpRecommender::fromConfig);
        LayerRegistry.register(Ncf.TYPE, Ncf::fromConfig);
    }
}
