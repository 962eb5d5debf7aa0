package jgrad.ope;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.bandit.ContextualSimulator;

/**
 * Off-policy estimators checked against a simulator's ground truth. Rounds are logged under a softmax behaviour
 * policy π₀(a|x) ∝ exp(β₀·logit μ_a(x)) (weakly informed for small β₀), and the target is ε-greedy on the truth,
 * π_e = (1−ε)·1[a = argmax μ(x)] + ε/K. Its true value V = E_x Σ_a π_e(a|x) μ_a(x) is averaged over
 * {@code truthRounds} fresh contexts. The reward model of DM, DR and SNDR is {@link LogisticRewardModel}
 * fitted on the log itself.
 */
public final class OpeBenchmark {

    /** One seed: the true value and each estimator's estimate. */
    public record Trial(double truth, Map<Estimator, Double> estimates, BanditLog log, OffPolicyEstimates estimator) {

        public double relativeError(Estimator e) {
            return Math.abs(estimates.get(e) - truth) / Math.abs(truth);
        }
    }

    private final double behaviourScale;
    private final double targetEpsilon;
    private final int truthRounds;

    public OpeBenchmark(double behaviourScale, double targetEpsilon, int truthRounds) {
        if (!(targetEpsilon > 0 && targetEpsilon <= 1) || truthRounds < 1) {
            throw new IllegalArgumentException("the target's ε must lie in (0, 1] and the truth needs rounds, got ε = "
                    + targetEpsilon + ", " + truthRounds + " rounds");
        }
        this.behaviourScale = behaviourScale;
        this.targetEpsilon = targetEpsilon;
        this.truthRounds = truthRounds;
    }

    /** π₀(·|x) for expected rewards μ. */
    public double[] behaviour(double[] mu) {
        double[] p = new double[mu.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < mu.length; a++) {
            p[a] = behaviourScale * Math.log(mu[a] / (1 - mu[a]));
            max = Math.max(max, p[a]);
        }
        double sum = 0;
        for (int a = 0; a < p.length; a++) {
            p[a] = Math.exp(p[a] - max);
            sum += p[a];
        }
        for (int a = 0; a < p.length; a++) {
            p[a] /= sum;
        }
        return p;
    }

    /** π_e(·|x) for expected rewards μ. */
    public double[] target(double[] mu) {
        double[] p = new double[mu.length];
        java.util.Arrays.fill(p, targetEpsilon / mu.length);
        int best = 0;
        for (int a = 1; a < mu.length; a++) {
            best = mu[a] > mu[best] ? a : best;
        }
        p[best] += 1 - targetEpsilon;
        return p;
    }

    /** Logs {@code rounds} rounds, estimates, and computes the truth, all from {@code seed}. */
    public Trial run(ContextualSimulator simulator, int rounds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = simulator.arms();
        double[][] x = new double[rounds][];
        int[] actions = new int[rounds];
        double[] propensities = new double[rounds];
        double[] rewards = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ContextualSimulator.Round round = simulator.next(random);
            double[] pi0 = behaviour(round.expectedRewards());
            actions[i] = draw(pi0, random.nextDouble());
            propensities[i] = pi0[actions[i]];
            rewards[i] = simulator.reward(round, actions[i], random);
            x[i] = round.context();
        }
        BanditLog log = new BanditLog(k, x, actions, propensities, rewards);
        OffPolicyEstimates estimates = new OffPolicyEstimates(log,
                context -> target(simulator.expectedRewards(context)), LogisticRewardModel.fit(log, 1e-3));
        Map<Estimator, Double> values = new EnumMap<>(Estimator.class);
        for (Estimator e : Estimator.values()) {
            values.put(e, estimates.estimate(e));
        }
        return new Trial(truth(simulator, random), values, log, estimates);
    }

    private double truth(ContextualSimulator simulator, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < truthRounds; i++) {
            double[] mu = simulator.next(random).expectedRewards();
            double[] pi = target(mu);
            for (int a = 0; a < mu.length; a++) {
                sum += pi[a] * mu[a];
            }
        }
        return sum / truthRounds;
    }

    /** The action a uniform u ∈ [0, 1) picks from probabilities p by their cumulative sums. */
    static int draw(double[] p, double u) {
        double cumulative = 0;
        for (int a = 0; a < p.length; a++) {
            cumulative += p[a];
            if (u < cumulative) {
                return a;
            }
        }
        return p.length - 1;
    }
}
