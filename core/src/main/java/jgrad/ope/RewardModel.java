package jgrad.ope;

/** An estimate q̂(x, a) of each action's expected reward for a context: the direct method's model. */
@FunctionalInterface
public interface RewardModel {

    double[] predict(double[] context);
}
