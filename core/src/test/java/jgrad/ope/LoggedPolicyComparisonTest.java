package jgrad.ope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import jgrad.bandit.BanditPolicy;
import jgrad.bandit.EpsilonGreedy;
import jgrad.bandit.LinUcb;
import jgrad.bandit.SyntheticSimulator;

/** Policies evaluated from one log against their truth, computed here independently. */
class LoggedPolicyComparisonTest {

    private record Always(int arm) implements BanditPolicy {
        @Override public int choose(double[] context) { return arm; }
        @Override public void update(double[] context, int a, double reward) { }
        @Override public String name() { return "always " + arm; }
    }

    @Test
    void uniformLogsEstimateFrozenPoliciesNearTheirTruth() {
        SyntheticSimulator sim = new SyntheticSimulator(3, 2, 11);
        Map<String, Function<SplittableRandom, BanditPolicy>> targets = new LinkedHashMap<>();
        targets.put("always 1", r -> new Always(1));
        targets.put("linucb", r -> new LinUcb(3, sim.dimension(), 0.4));
        // ε = 1: the logging policy is uniform, so every propensity is 1/3 and replay is unbiased too
        List<LoggedPolicyComparison.Evaluation> result = new LoggedPolicyComparison(3_000, 30_000, 50_000, 1)
                .run(sim, r -> new EpsilonGreedy(3, 1, 0, r), targets, 1);

        // the truth of "always 1" is E_x μ₁(x), here averaged over other contexts than the comparison's
        SplittableRandom r = new SplittableRandom(77);
        double mu1 = 0;
        for (int i = 0; i < 200_000; i++) {
            mu1 += sim.next(r).expectedRewards()[1] / 200_000;
        }
        assertEquals(mu1, result.get(0).truth(), 0.004);
        for (LoggedPolicyComparison.Evaluation e : result) {
            for (Estimator estimator : Estimator.values()) {
                // 30,000 rounds, a third of them matching: standard errors of 2–4 % of the value
                assertTrue(e.relativeError(estimator) < 0.1, e.policy() + " " + estimator + ": " + e.estimates().get(estimator)
                        + " vs truth " + e.truth());
            }
        }
        // LinUCB learned something: it beats always playing one arm
        assertTrue(result.get(1).truth() > result.get(0).truth(), result.toString());
    }

    @Test
    void alwaysPlayingAnActionIsAPointMass() {
        double[] p = StochasticPolicy.always(2, 4).probabilities(new double[] {1});
        assertEquals(1, p[2]);
        assertEquals(1, p[0] + p[1] + p[2] + p[3]);
    }
}
