package jgrad.ope;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import jgrad.bandit.BanditPolicy;
import jgrad.bandit.ContextualSimulator;

/**
 * The question off-policy evaluation answers in practice: a campaign ran under one policy; what would the others
 * have earned? One seed s runs this protocol on a simulator with known truth:
 * <ol>
 *   <li>each target policy learns online on its own run of {@code trainRounds} rounds (environment seed 2s+1),
 *       then is frozen: π_e(a|x) is {@link BanditPolicy#probabilities} of the trained policy;</li>
 *   <li>the logging policy runs online for {@code logRounds} rounds (environment seed 2s), drawing each action
 *       from its own π₀(·|x_t) and logging (x_t, a_t, π₀(a_t|x_t), r_t) — so every propensity is exact, even for
 *       a logging policy that keeps learning;</li>
 *   <li>every target is estimated from that one log by every {@link Estimator} (the reward model of DM, DR and
 *       SNDR is {@link LogisticRewardModel} fitted on the log), beside its true value
 *       V(π_e) = E_x Σ_a π_e(a|x) μ_a(x) averaged over {@code truthRounds} fresh contexts.</li>
 * </ol>
 * The estimators are unbiased only where the logging policy gives every action the target may take a positive
 * probability, which ε-greedy logging does; a deterministic logging policy (LinUCB) would leave targets unseen.
 */
public final class LoggedPolicyComparison {

    /** One frozen target: its true value and its estimates from the log. */
    public record Evaluation(String policy, double truth, Map<Estimator, Double> estimates, OffPolicyEstimates estimator) {

        public double relativeError(Estimator e) {
            return Math.abs(estimates.get(e) - truth) / Math.abs(truth);
        }
    }

    private final int trainRounds;
    private final int logRounds;
    private final int truthRounds;
    private final int draws;

    /** {@code draws}: calls of choose per context for a policy whose probabilities are estimated by sampling. */
    public LoggedPolicyComparison(int trainRounds, int logRounds, int truthRounds, int draws) {
        if (trainRounds < 1 || logRounds < 1 || truthRounds < 1 || draws < 1) {
            throw new IllegalArgumentException("training, logging, truth rounds and draws must all be positive, got "
                    + trainRounds + ", " + logRounds + ", " + truthRounds + ", " + draws);
        }
        this.trainRounds = trainRounds;
        this.logRounds = logRounds;
        this.truthRounds = truthRounds;
        this.draws = draws;
    }

    /**
     * Runs seed {@code seed}: {@code logging} and {@code targets} build fresh policies from a generator; the
     * result lists the targets in order.
     */
    public List<Evaluation> run(ContextualSimulator simulator, Function<SplittableRandom, BanditPolicy> logging,
                                Map<String, Function<SplittableRandom, BanditPolicy>> targets, long seed) {
        List<BanditPolicy> frozen = new ArrayList<>();
        for (var target : targets.values()) {
            BanditPolicy policy = target.apply(new SplittableRandom(1000 + seed));
            train(simulator, policy, new SplittableRandom(2 * seed + 1));
            frozen.add(policy);
        }
        BanditLog log = log(simulator, logging.apply(new SplittableRandom(2000 + seed)), new SplittableRandom(2 * seed));
        RewardModel model = LogisticRewardModel.fit(log, 1e-3);
        List<Evaluation> out = new ArrayList<>();
        List<String> names = new ArrayList<>(targets.keySet());
        for (int i = 0; i < frozen.size(); i++) {
            BanditPolicy policy = frozen.get(i);
            StochasticPolicy pi = x -> policy.probabilities(x, simulator.arms(), draws);
            OffPolicyEstimates estimates = new OffPolicyEstimates(log, pi, model);
            Map<Estimator, Double> values = new EnumMap<>(Estimator.class);
            for (Estimator e : Estimator.values()) {
                values.put(e, estimates.estimate(e));
            }
            out.add(new Evaluation(names.get(i), truth(simulator, pi, new SplittableRandom(3000 + seed)), values,
                    estimates));
        }
        return out;
    }

    private void train(ContextualSimulator simulator, BanditPolicy policy, SplittableRandom environment) {
        for (int t = 0; t < trainRounds; t++) {
            ContextualSimulator.Round round = simulator.next(environment);
            int arm = policy.choose(round.context());
            policy.update(round.context(), arm, simulator.reward(round, arm, environment));
        }
    }

    private BanditLog log(ContextualSimulator simulator, BanditPolicy policy, SplittableRandom environment) {
        int k = simulator.arms();
        double[][] x = new double[logRounds][];
        int[] actions = new int[logRounds];
        double[] propensities = new double[logRounds];
        double[] rewards = new double[logRounds];
        for (int t = 0; t < logRounds; t++) {
            ContextualSimulator.Round round = simulator.next(environment);
            double[] pi0 = policy.probabilities(round.context(), k, draws);
            actions[t] = OpeBenchmark.draw(pi0, environment.nextDouble());
            propensities[t] = pi0[actions[t]];
            rewards[t] = simulator.reward(round, actions[t], environment);
            x[t] = round.context();
            policy.update(x[t], actions[t], rewards[t]);
        }
        return new BanditLog(k, x, actions, propensities, rewards);
    }

    private double truth(ContextualSimulator simulator, StochasticPolicy pi, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < truthRounds; i++) {
            ContextualSimulator.Round round = simulator.next(random);
            sum += dot(pi.probabilities(round.context()), round.expectedRewards());
        }
        return sum / truthRounds;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
