package jgrad.abtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Published worked examples, edge cases and the peeking simulation. */
class AbTestTest {

    @Test
    void wilsonAndNewcombeReproduceNewcombesPublishedExamples() {
        // Newcombe (1998), Stat. Med. 17: 81/263 → Wilson 0.2553–0.3662; 56/70 − 48/80 → method 10: 0.0524–0.3339
        Interval w = new Proportion(81, 263).wilson(0.95);
        assertEquals(0.2553, w.lower(), 5e-5);
        assertEquals(0.3662, w.upper(), 5e-5);
        Interval d = TwoProportionTest.of(new Proportion(48, 80), new Proportion(56, 70), 0.95).difference();
        assertEquals(0.0524, d.lower(), 5e-5);
        assertEquals(0.3339, d.upper(), 5e-5);
    }

    @Test
    void hillstromMensMailAgainstNoMailOnVisits() {
        // counts from the CSV (../shared/data/hillstrom-email): No E-Mail 2262/21306, Mens E-Mail 3894/21307
        TwoProportionTest t = TwoProportionTest.of(new Proportion(2262, 21306), new Proportion(3894, 21307), 0.95);
        assertEquals(0.1062, t.control().rate(), 5e-5);
        assertEquals(0.1828, t.treatment().rate(), 5e-5);
        assertTrue(t.difference().contains(t.observedDifference()));
        assertTrue(t.difference().lower() > 0);
    }

    @Test
    void liftIsUndefinedWhenAGroupHasNoSuccesses() {
        TwoProportionTest t = TwoProportionTest.of(new Proportion(0, 500), new Proportion(7, 500), 0.95);
        assertEquals(Double.POSITIVE_INFINITY, t.relativeLift());
        assertTrue(Double.isNaN(t.relativeLiftInterval().lower()));
        TwoProportionTest none = TwoProportionTest.of(new Proportion(0, 500), new Proportion(0, 400), 0.95);
        assertEquals(1.0, none.pValue());
        assertTrue(Double.isNaN(none.relativeLift()));
    }

    @Test
    void badCountsAndLevelsAreRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> new Proportion(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new Proportion(0, 0));
        var e = assertThrows(IllegalArgumentException.class, () -> new Proportion(1, 4).wilson(95));
        assertTrue(e.getMessage().contains("confidence"));
        assertThrows(IllegalArgumentException.class, () -> SampleSize.perGroup(0.1, 0.95, 0.05, 0.8));
        assertThrows(IllegalArgumentException.class, () -> SampleRatioCheck.equalShares(10));
        var g = assertThrows(IllegalArgumentException.class,
                () -> GroupedOutcomes.count(new String[] {"a", "b"}, new double[] {1, 2.5}));
        assertTrue(g.getMessage().contains("row 2"), g.getMessage());
    }

    @Test
    void groupedOutcomesCountEachGroupInOrderOfAppearance() {
        GroupedOutcomes g = GroupedOutcomes.count(new String[] {"b", "a", "b", "b"}, new double[] {1, 0, 0, 1});
        assertEquals(new Proportion(2, 3), g.group("b"));
        assertEquals(new Proportion(0, 1), g.group("a"));
        assertEquals("[b, a]", g.groups().keySet().toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.group("c")).getMessage().contains("[b, a]"));
    }

    @Test
    void sampleSizeAndPowerAreInverse() {
        long n = SampleSize.perGroup(0.2, 0.03, 0.05, 0.85);
        assertTrue(SampleSize.power(0.2, 0.03, n, 0.05) >= 0.85);
        assertTrue(SampleSize.power(0.2, 0.03, n - 1, 0.05) < 0.85);
    }

    @Test
    void alwaysValidPValueNeverRises() {
        MixtureSprt s = new MixtureSprt(0.02);
        double a = s.look(new Proportion(100, 1000), new Proportion(130, 1000));
        double b = s.look(new Proportion(200, 2000), new Proportion(201, 2000));
        assertEquals(a, b);
        assertEquals(2, s.looks());
        assertEquals(1 / 2.5226756845307112, a, 1e-12);   // Λ from make_expected.py
    }

    @Test
    void peekingInflatesFalsePositivesAndTheSequentialTestDoesNot() {
        // 400 A/A tests, 20 daily looks: the fixed-horizon test holds ≈ α, daily z-tests reject several times more
        PeekingSimulation.Result r = PeekingSimulation.run(0.1, 200, 20, 400, 0.05, 0.02, new SplittableRandom(7));
        assertTrue(r.fixedHorizonRate().wilson(0.99).contains(0.05), r.toString());
        assertTrue(r.naivePeekingRate().wilson(0.99).lower() > 0.10, r.toString());
        assertTrue(r.sequentialRate().wilson(0.99).upper() < 0.08, r.toString());
        assertTrue(r.alphaSpendingRate().wilson(0.99).contains(0.05), r.toString());
        assertTrue(r.alphaSpendingRate().wilson(0.99).upper() < 0.10, r.toString());
        assertEquals(r, PeekingSimulation.run(0.1, 200, 20, 400, 0.05, 0.02, new SplittableRandom(7)));
    }
}
