package jgrad.bandit;

import java.util.random.RandomGenerator;

/**
 * ε-greedy with decay: at round t (from 0) explore a uniformly random arm with probability
 * ε_t = ε₀ / (1 + decay·t), else play the arm with the highest mean reward so far. With decay 0 it is the
 * classic fixed-ε rule; a decay of order 1/K·(gap²) gives the logarithmic regret of Auer et al. (2002), εₙ-greedy.
 */
public final class EpsilonGreedy implements BanditPolicy {

    private final ArmStats stats;
    private final double epsilon0;
    private final double decay;
    private final RandomGenerator random;

    public EpsilonGreedy(int arms, double epsilon0, double decay, RandomGenerator random) {
        if (!(epsilon0 >= 0 && epsilon0 <= 1) || !(decay >= 0) || !Double.isFinite(decay)) {
            throw new IllegalArgumentException("ε-greedy needs 0 <= ε₀ <= 1 and a finite decay >= 0, got ε₀ = " + epsilon0
                    + ", decay = " + decay);
        }
        this.stats = new ArmStats(arms);
        this.epsilon0 = epsilon0;
        this.decay = decay;
        this.random = random;
    }

    /** ε at the current round. */
    public double epsilon() {
        return epsilon0 / (1 + decay * stats.total());
    }

    @Override
    public int choose(double[] context) {
        if (random.nextDouble() < epsilon()) {
            return random.nextInt(stats.pulls.length);
        }
        double[] means = new double[stats.pulls.length];
        for (int a = 0; a < means.length; a++) {
            means[a] = stats.mean(a);
        }
        return ArmStats.argmax(means);
    }

    @Override
    public void update(double[] context, int arm, double reward) {
        stats.add(arm, reward);
    }

    /** ε_t/K on every arm, plus 1 − ε_t on the arm with the highest mean so far. */
    @Override
    public double[] probabilities(double[] context, int arms, int draws) {
        double[] means = new double[stats.pulls.length];
        for (int a = 0; a < means.length; a++) {
            means[a] = stats.mean(a);
        }
        return Sampling.epsilonGreedy(means, epsilon());
    }

    @Override
    public String name() {
        return "epsilon-greedy";
    }
}
