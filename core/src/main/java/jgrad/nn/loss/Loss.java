package jgrad.nn.loss;

import jgrad.tensor.Tensor;

/** A training objective: a scalar (the mean over the batch) from predictions and targets, differentiable. */
@FunctionalInterface
public interface Loss {

    Tensor compute(Tensor prediction, Tensor target);
}
