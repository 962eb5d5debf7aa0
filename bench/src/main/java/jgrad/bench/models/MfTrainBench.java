package jgrad.bench.models;

import java.util.random.RandomGenerator;

/** {@link RatingTrainBench} on the dot-product MF with user, item and global biases (64 factors). */
public class MfTrainBench extends RatingTrainBench {

    @Override
    RatingModel newModel(RandomGenerator rng, boolean sparseGradients) {
        return new MfModel(rng, sparseGradients);
    }
}
