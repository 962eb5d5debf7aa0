package jgrad.ope;

/** A fixed policy that gives every action a probability for a context: π(·|x), summing to 1. */
@FunctionalInterface
public interface StochasticPolicy {

    double[] probabilities(double[] context);

    /** The policy that always plays {@code action} of {@code actions}: "always send this offer". */
    static StochasticPolicy always(int action, int actions) {
        if (action < 0 || action >= actions) {
            throw new IllegalArgumentException("action " + action + " is outside 0.." + (actions - 1));
        }
        return context -> {
            double[] p = new double[actions];
            p[action] = 1;
            return p;
        };
    }
}
