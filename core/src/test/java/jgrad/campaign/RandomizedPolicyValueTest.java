package jgrad.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Inverse propensity values on a randomized experiment: by hand, and unbiased against a known truth. */
class RandomizedPolicyValueTest {

    private static final double[] THIRDS = {1.0 / 3, 1.0 / 3, 1.0 / 3};

    @Test
    void valueAndPairedDifferenceByHand() {
        RandomizedPolicyValue v = new RandomizedPolicyValue(new int[] {0, 1, 2, 1}, new double[] {1, 0, 1, 1}, THIRDS,
                0.95);
        double[][] always1 = OfferUpliftPolicy.deterministic(new int[] {1, 1, 1, 1}, 3);
        double[][] none = OfferUpliftPolicy.deterministic(new int[4], 3);
        // terms 3·1[A=1]·Y = 0, 0, 0, 3: mean 0.75, sd √(6.75/3) = 1.5, se 1.5/√4 = 0.75
        RandomizedPolicyValue.Estimate e = v.value(always1);
        assertEquals(0.75, e.value(), 1e-12);
        assertEquals(0.75, e.standardError(), 1e-12);
        assertEquals(0.75 - 1.959963984540054 * 0.75, e.interval().lower(), 1e-9);
        assertEquals(2, e.matched());
        // paired terms (0, 0, 0, 3) − (3, 0, 0, 0): mean 0, sd √(18/3), se √6/2
        RandomizedPolicyValue.Estimate d = v.difference(always1, none);
        assertEquals(0, d.value(), 1e-12);
        assertEquals(Math.sqrt(6) / 2, d.standardError(), 1e-12);
        // half mailed at random, offers 1 and 2 alike: terms 3·Y·(½, ¼, ¼, ¼)[A] = 1.5, 0, 0.75, 0.75
        assertEquals(0.75, v.value(OfferUpliftPolicy.randomContacts(4, 3, 0.5)).value(), 1e-12);
    }

    @Test
    void unbiasedForAPolicyWhoseValueIsKnown() {
        // P(y = 1 | x, arm): control 0.1, offer 1 0.1 + 0.2x, offer 2 0.3 − 0.2x with x uniform on [0, 1];
        // the policy sends offer 1 when x > ½ and offer 2 otherwise: value E[max] = 0.1 + 0.2·E[max(x, 1 − x)] + …
        SplittableRandom r = new SplittableRandom(3);
        int n = 200_000;
        int[] arms = new int[n];
        double[] y = new double[n];
        int[] choice = new int[n];
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble();
            arms[i] = r.nextInt(3);
            double p = arms[i] == 0 ? 0.1 : arms[i] == 1 ? 0.1 + 0.2 * x : 0.3 - 0.2 * x;
            y[i] = r.nextDouble() < p ? 1 : 0;
            choice[i] = x > 0.5 ? 1 : 2;
        }
        // value = ∫_½¹ (0.1 + 0.2x) dx + ∫_0^½ (0.3 − 0.2x) dx = 0.125 + 0.125 = 0.25
        RandomizedPolicyValue.Estimate e = new RandomizedPolicyValue(arms, y, THIRDS, 0.95)
                .value(OfferUpliftPolicy.deterministic(choice, 3));
        assertEquals(0.25, e.value(), 3 * e.standardError());
        assertTrue(e.standardError() < 0.003, "se " + e.standardError());
    }

    @Test
    void refusesAZeroPropensityAndAnArmOutsideTheDesign() {
        var zero = assertThrows(IllegalArgumentException.class, () -> new RandomizedPolicyValue(new int[] {0, 1},
                new double[] {1, 0}, new double[] {0.5, 0}, 0.95));
        assertTrue(zero.getMessage().contains("arm 1: propensity 0.0"), zero.getMessage());
        var outside = assertThrows(IllegalArgumentException.class, () -> new RandomizedPolicyValue(new int[] {0, 3},
                new double[] {1, 0}, THIRDS, 0.95));
        assertTrue(outside.getMessage().contains("row 2: arm 3"), outside.getMessage());
    }
}
