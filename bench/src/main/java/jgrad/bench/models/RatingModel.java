package jgrad.bench.models;

import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/** A benchmark model that scores (user, item) pairs: what {@link RatingTrainBench} trains. */
abstract class RatingModel extends Module {

    /** Scores [n] for n (user, item) pairs. */
    abstract Tensor forward(int[] u, int[] i);
}
