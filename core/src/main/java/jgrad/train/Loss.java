package jgrad.train;

import jgrad.tensor.Tensor;

/** A training objective: a differentiable scalar from a batch of predictions and targets (usually a mean). */
@FunctionalInterface
public interface Loss {

    Tensor apply(Tensor prediction, Tensor target);
}
