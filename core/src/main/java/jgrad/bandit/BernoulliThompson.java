package jgrad.bandit;

import java.util.random.RandomGenerator;

/**
 * Thompson sampling for 0/1 rewards (Thompson 1933; Chapelle and Li 2011): each arm's rate has the posterior
 * Beta(1 + successes, 1 + failures) from a uniform prior; draw one rate per arm and play the largest. Rewards
 * must be 0 or 1.
 */
public final class BernoulliThompson implements BanditPolicy {

    private final ArmStats stats;
    private final RandomGenerator random;

    public BernoulliThompson(int arms, RandomGenerator random) {
        this.stats = new ArmStats(arms);
        this.random = random;
    }

    @Override
    public int choose(double[] context) {
        double[] draws = new double[stats.pulls.length];
        for (int a = 0; a < draws.length; a++) {
            double successes = stats.rewardSums[a];
            draws[a] = Sampling.beta(1 + successes, 1 + stats.pulls[a] - successes, random);
        }
        return ArmStats.argmax(draws);
    }

    @Override
    public void update(double[] context, int arm, double reward) {
        if (reward != 0 && reward != 1) {
            throw new IllegalArgumentException("Beta–Bernoulli Thompson sampling takes rewards 0 or 1, got " + reward);
        }
        stats.add(arm, reward);
    }

    @Override
    public String name() {
        return "thompson";
    }
}
