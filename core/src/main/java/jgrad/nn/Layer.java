package jgrad.nn;

import jgrad.tensor.Tensor;

/**
 * A module with one input and one output: the unit that {@code Sequential} chains and that a model
 * file can rebuild. {@link #type()} and {@link #config()} describe it without its weights
 * (the weights are its {@link Module#parameters()}).
 */
public interface Layer extends Describable {

    Tensor forward(Tensor x);
}
