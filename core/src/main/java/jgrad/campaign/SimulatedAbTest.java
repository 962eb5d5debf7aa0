package jgrad.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jgrad.abtest.Proportion;
import jgrad.abtest.TwoProportionTest;
import jgrad.metrics.TopK;

/**
 * A simulated A/B/C test of a targeting policy on held-out clients whose outcome is known: the clients are
 * assigned at random (seeded) to three equal arms,
 * <ul>
 *   <li>policy: call the {@code ⌈budget·n⌉} clients of the arm with the highest scores;</li>
 *   <li>random: call as many clients of the arm, drawn at random (current practice at the same cost);</li>
 *   <li>everyone: call every client of the arm (current practice without a budget);</li>
 * </ul>
 * and a called client subscribes as the data says they did when called; a client not called does not
 * subscribe (the data has no outcome for them, and no campaign reaches them). Each arm's subscriptions per
 * client are compared by the pooled two-proportion z-test ({@link TwoProportionTest}), and its
 * subscriptions per call (the cost side) are reported beside them.
 */
public final class SimulatedAbTest {

    /** One arm: its clients, calls and subscriptions. */
    public record Arm(String name, int clients, int calls, int subscriptions) {

        public double perClient() {
            return (double) subscriptions / clients;
        }

        public double perCall() {
            return calls == 0 ? 0 : (double) subscriptions / calls;
        }

        Proportion proportion() {
            return new Proportion(subscriptions, clients);
        }
    }

    /** The arms, and the policy's test against each practice. */
    public record Result(Arm policy, Arm random, Arm everyone, TwoProportionTest versusRandom,
            TwoProportionTest versusEveryone) {

        public List<Arm> arms() {
            return List.of(policy, random, everyone);
        }
    }

    public static final double CONFIDENCE = 0.95;

    private SimulatedAbTest() {
    }

    public static Result run(double[] scores, int[] outcomes, double budget, long seed) {
        if (scores.length != outcomes.length || scores.length < 3) {
            throw new IllegalArgumentException("a simulated A/B test needs at least 3 scored clients with outcomes, got "
                    + scores.length + " scores and " + outcomes.length + " outcomes");
        }
        if (!(budget > 0 && budget <= 1)) {
            throw new IllegalArgumentException("budget must be a share of clients in (0, 1], got " + budget);
        }
        List<List<Integer>> arms = assign(scores.length, seed);
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Arm policy = policyArm(arms.get(0), scores, outcomes, budget);
        Arm random = randomArm(arms.get(1), outcomes, budget, rng);
        Arm everyone = called("call everyone", arms.get(2), arms.get(2), outcomes);
        return new Result(policy, random, everyone,
                TwoProportionTest.of(random.proportion(), policy.proportion(), CONFIDENCE),
                TwoProportionTest.of(everyone.proportion(), policy.proportion(), CONFIDENCE));
    }

    /** A seeded shuffle dealt round-robin into three arms of near-equal size. */
    private static List<List<Integer>> assign(int n, long seed) {
        int[] order = CrossValidation.folds(n, 3, seed);
        List<List<Integer>> arms = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < n; i++) {
            arms.get(order[i]).add(i);
        }
        return arms;
    }

    private static Arm policyArm(List<Integer> arm, double[] scores, int[] outcomes, double budget) {
        double[] armScores = new double[arm.size()];
        for (int i = 0; i < armScores.length; i++) {
            armScores[i] = scores[arm.get(i)];
        }
        List<Integer> calls = new ArrayList<>();
        for (int i : TopK.indices(armScores, calls(arm.size(), budget))) {
            calls.add(arm.get(i));
        }
        return called("model policy", arm, calls, outcomes);
    }

    private static Arm randomArm(List<Integer> arm, int[] outcomes, double budget, SplittableRandom rng) {
        List<Integer> shuffled = new ArrayList<>(arm);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, rng.nextInt(i + 1));
        }
        return called("random calls", arm, shuffled.subList(0, calls(arm.size(), budget)), outcomes);
    }

    static int calls(int clients, double budget) {
        return (int) Math.ceil(clients * budget - 1e-9);
    }

    private static Arm called(String name, List<Integer> arm, List<Integer> calls, int[] outcomes) {
        int subscriptions = 0;
        for (int i : calls) {
            subscriptions += outcomes[i];
        }
        return new Arm(name, arm.size(), calls.size(), subscriptions);
    }
}
