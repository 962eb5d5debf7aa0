package jgrad.ope;

/** A fixed policy that gives every action a probability for a context: π(·|x), summing to 1. */
@FunctionalInterface
public interface StochasticPolicy {

    double[] probabilities(double[] context);
}
