package jgrad.bandit;

import java.util.List;
import java.util.random.RandomGenerator;

import jgrad.backend.Device;

/**
 * The policies by name, with the defaults the reports use. Rewards here are 0/1 with a standard deviation near
 * 0.4, and the confidence width of LinUCB (α) and the posterior scale of linear Thompson sampling (v) are set to
 * that noise scale, 0.4, as their regret bounds suggest (α, v ∝ σ); ε-greedy starts at ε₀ = 0.1 and halves by
 * round 1,000 (decay 1e-3); so does the neural ε-greedy (16 hidden units, an Adam step every 50 rounds, on the CPU).
 */
public final class Policies {

    /** Every name {@link #create} knows. */
    public static final List<String> NAMES = List.of("epsilon-greedy", "ucb1", "thompson", "linucb", "lin-thompson",
            "neural-epsilon");

    private Policies() {
    }

    public static BanditPolicy create(String name, int arms, int dimension, RandomGenerator random) {
        return switch (name) {
            case "epsilon-greedy" -> new EpsilonGreedy(arms, 0.1, 1e-3, random);
            case "ucb1" -> new Ucb1(arms);
            case "thompson" -> new BernoulliThompson(arms, random);
            case "linucb" -> new LinUcb(arms, dimension, 0.4);
            case "lin-thompson" -> new LinearThompson(arms, dimension, 0.4, random);
            case "neural-epsilon" -> new NeuralEpsilonGreedy(arms, dimension, 16, 0.1, 1e-3, 50, random, Device.CPU);
            default -> throw new IllegalArgumentException("no policy '" + name + "'; the policies are " + NAMES);
        };
    }
}
