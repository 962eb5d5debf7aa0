package jgrad.bandit;

import java.util.random.RandomGenerator;

/**
 * Plays a policy against a simulator and measures it with the simulator's expected rewards μ_a(x_t):
 * <pre>
 *   reward           = Σ_t r_t                       (the draws the policy saw)
 *   expected reward  = Σ_t μ_{a_t}(x_t)
 *   regret vs oracle = Σ_t max_a μ_a(x_t) − μ_{a_t}(x_t)
 *   regret vs best fixed arm = max_a Σ_t μ_a(x_t) − Σ_t μ_{a_t}(x_t)   (negative when the policy beats every arm)
 * </pre>
 * Contexts and rewards come from {@code environment}, the policy's own draws from the generator it was built
 * with, so two policies run with equal environment seeds see the same customers.
 */
public final class BanditRun {

    /** The totals of one run. */
    public record Result(String policy, int rounds, double reward, double expectedReward, double oracleReward,
                         double bestFixedArmReward, int bestFixedArm) {

        public double regretVsOracle() {
            return oracleReward - expectedReward;
        }

        public double regretVsBestFixedArm() {
            return bestFixedArmReward - expectedReward;
        }
    }

    private BanditRun() {
    }

    public static Result run(ContextualSimulator simulator, BanditPolicy policy, int rounds, RandomGenerator environment) {
        if (rounds < 1) {
            throw new IllegalArgumentException("a run needs at least 1 round, got " + rounds);
        }
        double reward = 0;
        double expected = 0;
        double oracle = 0;
        double[] perArm = new double[simulator.arms()];
        for (int t = 0; t < rounds; t++) {
            ContextualSimulator.Round round = simulator.next(environment);
            int arm = policy.choose(round.context());
            double r = simulator.reward(round, arm, environment);
            policy.update(round.context(), arm, r);
            reward += r;
            double[] mu = round.expectedRewards();
            expected += mu[arm];
            oracle += mu[ArmStats.argmax(mu)];
            for (int a = 0; a < mu.length; a++) {
                perArm[a] += mu[a];
            }
        }
        int best = ArmStats.argmax(perArm);
        return new Result(policy.name(), rounds, reward, expected, oracle, perArm[best], best);
    }
}
