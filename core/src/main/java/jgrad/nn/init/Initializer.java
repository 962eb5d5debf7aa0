package jgrad.nn.init;

import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * Makes the starting value of a parameter of a given shape from the caller's seeded generator.
 * Weights are [out, in] (fan_out = shape[0], fan_in = shape[1]); see {@link Initializers}.
 */
@FunctionalInterface
public interface Initializer {

    Tensor create(RandomGenerator rng, DType dtype, int... shape);
}
