package jgrad.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import jgrad.data.BadRows;
import jgrad.data.marketing.MarketingData;

/** Regret bookkeeping on a simulator whose answer is known, and the Hillstrom calibration. */
class BanditRunTest {

    /** Two kinds of customer, alternating: arm 0 pays 0.3/0.1, arm 1 pays 0.2/0.4. */
    private static final ContextualSimulator TWO_KINDS = new ContextualSimulator() {
        private int t;

        @Override public List<String> armNames() { return List.of("a", "b"); }
        @Override public int dimension() { return 2; }
        @Override public Round next(RandomGenerator random) {
            random.nextInt(2);
            double[] x = t++ % 2 == 0 ? new double[] {1, 0} : new double[] {0, 1};
            return new Round(x, expectedRewards(x));
        }
        @Override public double[] expectedRewards(double[] x) {
            return x[0] == 1 ? new double[] {0.3, 0.2} : new double[] {0.1, 0.4};
        }
    };

    private record Always(int arm) implements BanditPolicy {
        @Override public int choose(double[] context) { return arm; }
        @Override public void update(double[] context, int a, double reward) { }
        @Override public String name() { return "always " + arm; }
    }

    @Test
    void regretsOfAFixedPolicyAreItsGapsSummed() {
        // 100 rounds, 50 of each kind: oracle 50·0.3 + 50·0.4 = 35, arm 0 = 20, arm 1 = 30
        BanditRun.Result r = BanditRun.run(TWO_KINDS, new Always(0), 100, new SplittableRandom(1));
        assertEquals(20, r.expectedReward(), 1e-9);
        assertEquals(15, r.regretVsOracle(), 1e-9);
        assertEquals(1, r.bestFixedArm());
        assertEquals(10, r.regretVsBestFixedArm(), 1e-9);
    }

    @Test
    void theRegretCurveAccumulatesTheGapToTheBestArm() {
        // per pair of rounds, arm 0 loses 0.3 − 0.1 on one kind and gains 0.3 − 0.2 on the other: +0.2
        BanditRun.Result r = BanditRun.run(TWO_KINDS, new Always(0), 100, new SplittableRandom(1));
        assertEquals(100, r.checkpoints().length, "every round of 100 is a checkpoint");
        assertEquals(50, r.checkpoints()[49]);
        assertEquals(5, r.regretCurve()[49], 1e-9);
        assertEquals(r.regretVsBestFixedArm(), r.regretCurve()[99], 1e-9);
        BanditRun.Result longer = BanditRun.run(TWO_KINDS, new Always(0), 1001, new SplittableRandom(1));
        assertEquals(1001, longer.checkpoints()[longer.checkpoints().length - 1], "the last round is always kept");
        double[][] mean = BanditRun.meanRegretCurve(List.of(r, r));
        assertEquals(5, mean[1][49], 1e-9);
    }

    @Test
    void sameSeedsSameRun() {
        var a = BanditRun.run(TWO_KINDS, new LinearThompson(2, 2, 0.4, new SplittableRandom(3)), 500, new SplittableRandom(4));
        var b = BanditRun.run(TWO_KINDS, new LinearThompson(2, 2, 0.4, new SplittableRandom(3)), 500, new SplittableRandom(4));
        assertEquals(a, b);
    }

    @Test
    void linUcbLearnsWhichArmSuitsWhichCustomer() {
        var r = BanditRun.run(TWO_KINDS, new LinUcb(2, 2, 0.4), 4000, new SplittableRandom(2));
        assertTrue(r.regretVsBestFixedArm() < -100, r.toString());   // the best fixed arm loses 0.1 on half the rounds
    }

    @Test
    void theNeuralBanditLearnsWhichArmSuitsWhichCustomer() {
        // per round: a random policy earns 0.25, the best fixed arm 0.3 (arm 1), the oracle 0.35
        var r = BanditRun.run(TWO_KINDS, new NeuralEpsilonGreedy(2, 2, 8, 0.1, 0, 10, new SplittableRandom(3),
                jgrad.backend.Device.CPU), 4000, new SplittableRandom(2));
        assertTrue(r.regretVsBestFixedArm() < -50, r.toString());      // 1,200 for arm 1 alone
        assertTrue(r.regretVsOracle() < 0.1 * r.oracleReward(), r.toString());
    }

    @Test
    void hillstromSimulatorReproducesTheExperimentsRates() {
        Path file = Path.of("..", "..", "shared", "data", "hillstrom-email",
                "Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "Hillstrom data not at " + file);
        HillstromCustomers data = HillstromCustomers.of(MarketingData.hillstrom(file, BadRows.failFast()), "visit");
        HillstromSimulator sim = HillstromSimulator.fit(data);
        // a logistic MLE with an intercept reproduces its arm's mean: counts 2262/21306, 3894/21307, 3238/21387
        double[] observed = {2262.0 / 21306, 3894.0 / 21307, 3238.0 / 21387};
        for (int a = 0; a < 3; a++) {
            double sum = 0;
            int n = 0;
            for (int r = 0; r < data.arms().length; r++) {
                if (data.arms()[r] == a) {
                    sum += LogisticRegression.probability(sim.weights(a), data.features()[r]);
                    n++;
                }
            }
            assertEquals(observed[a], sum / n, 2e-4, "arm " + a);
        }
    }
}
