package jgrad.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** π(·|x) in closed form against the frequencies of the policies' own choices. */
class PolicyProbabilitiesTest {

    @Test
    void epsilonGreedyProbabilitiesAreTheFrequenciesOfItsChoices() {
        EpsilonGreedy policy = new EpsilonGreedy(3, 0.3, 0, new SplittableRandom(1));
        policy.update(null, 1, 1);
        policy.update(null, 0, 0);
        double[] closed = policy.probabilities(null, 3, 1);
        assertArrayEquals(new double[] {0.1, 0.8, 0.1}, closed, 1e-15);      // ε/K = 0.1, + 1 − ε on arm 1
        double[] counted = new double[3];
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            counted[policy.choose(null)] += 1.0 / draws;
        }
        // binomial standard error at p = 0.8: √(0.16/200000) ≈ 0.0009
        assertArrayEquals(closed, counted, 0.005);
    }

    @Test
    void thompsonProbabilitiesAreEstimatedByDrawsAndSumToOne() {
        BernoulliThompson policy = new BernoulliThompson(2, new SplittableRandom(2));
        for (int i = 0; i < 20; i++) {
            policy.update(null, 0, i % 2);          // arm 0: 10 of 20, posterior Beta(11, 11)
        }
        double[] p = policy.probabilities(null, 2, 4000);
        assertEquals(1, p[0] + p[1], 1e-12);
        // arm 1 keeps its Beta(1, 1) prior: P(U > B) with B ~ Beta(11, 11) is ½ by symmetry
        assertEquals(0.5, p[1], 0.03);
    }

    @Test
    void linUcbIsDeterministic() {
        LinUcb policy = new LinUcb(3, 2, 0.4);
        policy.update(new double[] {1, 0}, 2, 1);
        double[] x = {1, 0};
        double[] p = policy.probabilities(x, 3, 1);
        double[] point = new double[3];
        point[policy.choose(x)] = 1;
        assertArrayEquals(point, p, 0);
    }
}
