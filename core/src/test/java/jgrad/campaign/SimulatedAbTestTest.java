package jgrad.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import jgrad.abtest.Proportion;
import jgrad.abtest.TwoProportionTest;

class SimulatedAbTestTest {

    /** 300 clients: the 30 with the highest scores subscribe when called, nobody else does. */
    private static double[] scores() {
        double[] s = new double[300];
        Arrays.setAll(s, i -> i / 300.0);
        return s;
    }

    private static int[] outcomes() {
        int[] y = new int[300];
        for (int i = 270; i < 300; i++) {
            y[i] = 1;
        }
        return y;
    }

    @Test
    void armsSplitTheClientsAndSpendTheSameBudget() {
        SimulatedAbTest.Result r = SimulatedAbTest.run(scores(), outcomes(), 0.1, 3);
        assertEquals(300, r.policy().clients() + r.random().clients() + r.everyone().clients());
        assertEquals(100, r.policy().clients());
        assertEquals(10, r.policy().calls(), "⌈0.1 · 100⌉");
        assertEquals(r.policy().calls(), r.random().calls(), "random calls cost what the policy costs");
        assertEquals(r.everyone().clients(), r.everyone().calls());
    }

    @Test
    void aPerfectRankingConvertsEveryCallWhileEveryoneConvertsTheBaseRate() {
        SimulatedAbTest.Result r = SimulatedAbTest.run(scores(), outcomes(), 0.1, 3);
        // the policy's arm holds about 10 of the 30 subscribers; it calls its top 10 scores, so every call
        // converts unless the arm holds fewer than 10 subscribers
        int subscribersInArm = r.policy().subscriptions();
        assertEquals(Math.min(10, subscribersInArm), r.policy().subscriptions());
        assertTrue(r.policy().perCall() >= 0.7, "per call " + r.policy().perCall());
        assertEquals(r.everyone().subscriptions() / 100.0, r.everyone().perClient(), 1e-12);
        TwoProportionTest expected = TwoProportionTest.of(new Proportion(r.random().subscriptions(), 100),
                new Proportion(r.policy().subscriptions(), 100), 0.95);
        assertEquals(expected.z(), r.versusRandom().z(), 1e-12);
    }

    @Test
    void sameSeedSameArms() {
        assertEquals(SimulatedAbTest.run(scores(), outcomes(), 0.2, 5), SimulatedAbTest.run(scores(), outcomes(), 0.2, 5));
    }

    @Test
    void refusesABudgetOutsideZeroToOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> SimulatedAbTest.run(scores(), outcomes(), 1.5, 1));
        assertTrue(e.getMessage().contains("budget"), e.getMessage());
    }
}
