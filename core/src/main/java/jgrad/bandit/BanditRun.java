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

    /**
     * The totals of one run, and the cumulative regret vs the best fixed arm (the arm best over the whole run)
     * after each of the rounds in {@code checkpoints} (about {@value #CHECKPOINTS} evenly spaced, the last one
     * the end): data for a plot.
     */
    public record Result(String policy, int rounds, double reward, double expectedReward, double oracleReward,
                         double bestFixedArmReward, int bestFixedArm, int[] checkpoints, double[] regretCurve) {

        /** Equal runs: the same totals and the same curve (a record compares arrays by identity otherwise). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && policy.equals(r.policy) && rounds == r.rounds
                    && Double.compare(reward, r.reward) == 0 && Double.compare(expectedReward, r.expectedReward) == 0
                    && Double.compare(oracleReward, r.oracleReward) == 0
                    && Double.compare(bestFixedArmReward, r.bestFixedArmReward) == 0 && bestFixedArm == r.bestFixedArm
                    && java.util.Arrays.equals(checkpoints, r.checkpoints)
                    && java.util.Arrays.equals(regretCurve, r.regretCurve);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(policy, rounds, reward, expectedReward, java.util.Arrays.hashCode(regretCurve));
        }

        public double regretVsOracle() {
            return oracleReward - expectedReward;
        }

        public double regretVsBestFixedArm() {
            return bestFixedArmReward - expectedReward;
        }
    }

    /** How many points of the regret curve a run keeps. */
    public static final int CHECKPOINTS = 100;

    private BanditRun() {
    }

    /** The mean over runs of the same length of their regret curves: {rounds, mean cumulative regret}. */
    public static double[][] meanRegretCurve(java.util.List<Result> runs) {
        int[] at = runs.get(0).checkpoints();
        double[][] curve = new double[2][at.length];
        for (int c = 0; c < at.length; c++) {
            curve[0][c] = at[c];
            for (Result r : runs) {
                if (r.checkpoints().length != at.length) {
                    throw new IllegalArgumentException("runs of different lengths: " + r.rounds() + " and "
                            + runs.get(0).rounds() + " rounds");
                }
                curve[1][c] += r.regretCurve()[c] / runs.size();
            }
        }
        return curve;
    }

    public static Result run(ContextualSimulator simulator, BanditPolicy policy, int rounds, RandomGenerator environment) {
        if (rounds < 1) {
            throw new IllegalArgumentException("a run needs at least 1 round, got " + rounds);
        }
        double reward = 0;
        double expected = 0;
        double oracle = 0;
        double[] perArm = new double[simulator.arms()];
        int every = Math.max(1, rounds / CHECKPOINTS);
        int[] checkpoints = new int[(rounds + every - 1) / every];
        double[] expectedAt = new double[checkpoints.length];
        double[][] perArmAt = new double[checkpoints.length][];
        int kept = 0;
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
            if ((t + 1) % every == 0 || t + 1 == rounds) {
                checkpoints[kept] = t + 1;
                expectedAt[kept] = expected;
                perArmAt[kept++] = perArm.clone();
            }
        }
        int best = ArmStats.argmax(perArm);
        double[] regret = new double[kept];
        for (int c = 0; c < kept; c++) {
            regret[c] = perArmAt[c][best] - expectedAt[c];
        }
        return new Result(policy.name(), rounds, reward, expected, oracle, perArm[best], best,
                java.util.Arrays.copyOf(checkpoints, kept), regret);
    }
}
