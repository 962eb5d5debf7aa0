package jgrad.ope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.abtest.Interval;
import jgrad.bandit.SyntheticSimulator;

/** The estimators on a four-round log worked by hand, the log's checks, and the synthetic benchmark. */
class OffPolicyEstimatesTest {

    // contexts tell which target distribution applies: x = {0} → π_e = (0.8, 0.2), x = {1} → (0.3, 0.7)
    private static final StochasticPolicy TARGET = x -> x[0] == 0 ? new double[] {0.8, 0.2} : new double[] {0.3, 0.7};
    private static final RewardModel MODEL = x -> x[0] == 0 ? new double[] {0.5, 0.1} : new double[] {0.2, 0.6};
    private static final BanditLog LOG = new BanditLog(2, new double[][] {{0}, {0}, {1}, {1}}, new int[] {0, 1, 1, 0},
            new double[] {0.5, 0.5, 0.25, 0.75}, new double[] {1, 0, 1, 0});

    @Test
    void everyEstimatorByHand() {
        OffPolicyEstimates e = new OffPolicyEstimates(LOG, TARGET, MODEL);
        // w = 0.8/0.5, 0.2/0.5, 0.7/0.25, 0.3/0.75 = 1.6, 0.4, 2.8, 0.4;  w·r = 1.6, 0, 2.8, 0
        assertEquals(4.4 / 4, e.estimate(Estimator.IPS), 1e-15);
        assertEquals(4.4 / 5.2, e.estimate(Estimator.SNIPS), 1e-15);
        // DM: Σ_a π q = 0.8·0.5 + 0.2·0.1 = 0.42 (rounds 1, 2); 0.3·0.2 + 0.7·0.6 = 0.48 (rounds 3, 4)
        assertEquals(0.45, e.estimate(Estimator.DM), 1e-15);
        // residuals r − q̂(x, a): 0.5, −0.1, 0.4, −0.2; w·residual: 0.8, −0.04, 1.12, −0.08 → sum 1.8
        assertEquals(0.45 + 1.8 / 4, e.estimate(Estimator.DR), 1e-15);
        assertEquals(0.45 + 1.8 / 5.2, e.estimate(Estimator.SNDR), 1e-15);
        // replay: the target's top action is 0 for x = 0, 1 for x = 1: rounds 1 and 3 match, rewards 1, 1
        assertEquals(1.0, e.estimate(Estimator.REPLAY), 1e-15);
    }

    @Test
    void aLogWithAZeroOrMissingPropensityIsRefusedNamingTheRound() {
        var zero = assertThrows(IllegalArgumentException.class, () -> new BanditLog(2, new double[][] {{0}, {1}},
                new int[] {0, 1}, new double[] {0.5, 0}, new double[] {1, 0}));
        assertTrue(zero.getMessage().contains("round 2") && zero.getMessage().contains("propensity"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BanditLog(2, new double[][] {{0}}, new int[] {0},
                new double[] {Double.NaN}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new BanditLog(2, new double[][] {{0}}, new int[] {2},
                new double[] {0.5}, new double[] {1}));
    }

    @Test
    void anActionNeverLoggedCannotBeModelled() {
        BanditLog onlyZero = new BanditLog(3, new double[][] {{1}, {1}}, new int[] {0, 0}, new double[] {0.5, 0.5},
                new double[] {1, 0});
        var e = assertThrows(IllegalArgumentException.class, () -> LogisticRewardModel.fit(onlyZero, 1e-3));
        assertTrue(e.getMessage().contains("action 1 was never logged"), e.getMessage());
    }

    @Test
    void bootstrapQuantilesInterpolateLikeNumpy() {
        // numpy.quantile([1, 2, 3, 4], 0.1) = 1.3, 0.95 → 3.85
        assertEquals(1.3, OffPolicyEstimates.quantile(new double[] {1, 2, 3, 4}, 0.1), 1e-12);
        assertEquals(3.85, OffPolicyEstimates.quantile(new double[] {1, 2, 3, 4}, 0.95), 1e-12);
        OffPolicyEstimates e = new OffPolicyEstimates(LOG, TARGET, MODEL);
        Interval ci = e.bootstrap(Estimator.IPS, 300, 0.9, new SplittableRandom(1));
        assertTrue(ci.lower() <= 1.1 && ci.upper() >= 1.1, ci.toString());
    }

    @Test
    void doublyRobustAndSnipsLandNearTheTruthOnTheSyntheticSimulator() {
        OpeBenchmark bench = new OpeBenchmark(0.5, 0.1, 200_000);
        SyntheticSimulator sim = new SyntheticSimulator(10, 10, 2026);
        for (long seed = 1; seed <= 2; seed++) {
            OpeBenchmark.Trial t = bench.run(sim, 5_000, seed);
            assertTrue(t.relativeError(Estimator.DR) < 0.06, t.estimates() + " truth " + t.truth());
            assertTrue(t.relativeError(Estimator.SNIPS) < 0.06, t.estimates() + " truth " + t.truth());
        }
    }
}
