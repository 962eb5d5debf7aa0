package jgrad.bandit;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An environment for contextual bandits with known ground truth: each round shows a context and knows every
 * arm's expected reward for it, so a policy's regret can be measured exactly.
 */
public interface ContextualSimulator {

    /** One round: the context a policy sees and the expected reward of each arm for it (hidden from the policy). */
    record Round(double[] context, double[] expectedRewards) {
    }

    List<String> armNames();

    default int arms() {
        return armNames().size();
    }

    /** The length of every context. */
    int dimension();

    /** Draws the next round. */
    Round next(RandomGenerator random);

    /** Every arm's expected reward for a context: the ground truth μ_a(x). */
    double[] expectedRewards(double[] context);

    /** Draws the reward of {@code arm} in {@code round}: Bernoulli with the arm's expected reward. */
    default double reward(Round round, int arm, RandomGenerator random) {
        return random.nextDouble() < round.expectedRewards()[arm] ? 1 : 0;
    }
}
