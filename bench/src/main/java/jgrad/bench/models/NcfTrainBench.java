package jgrad.bench.models;

import java.util.random.RandomGenerator;

/** {@link RatingTrainBench} on the NCF/MLP recommender (emb 64+64 → 128 relu → 1). */
public class NcfTrainBench extends RatingTrainBench {

    @Override
    RatingModel newModel(RandomGenerator rng, boolean sparseGradients) {
        return new NcfModel(rng, sparseGradients);
    }
}
