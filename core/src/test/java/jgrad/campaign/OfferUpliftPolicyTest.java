package jgrad.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.uplift.UpliftLearners;

/** The best offer per customer and the budget, on an experiment where each offer helps one half. */
class OfferUpliftPolicyTest {

    @Test
    void picksTheOfferThatHelpsAndSpendsTheBudgetOnTheLargestUplifts() {
        // control: logit −1; offer 1: −1 + 1.5x; offer 2: −1 − 1.5x. Offer 1 helps x > 0, offer 2 x < 0.
        SplittableRandom r = new SplittableRandom(11);
        int n = 30_000;
        double[][] x = new double[n][];
        int[] arms = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {1, r.nextGaussian()};
            arms[i] = r.nextInt(3);
            double logit = -1 + (arms[i] == 1 ? 1.5 : arms[i] == 2 ? -1.5 : 0) * x[i][1];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        OfferUpliftPolicy policy = OfferUpliftPolicy.fit(x, arms, y, 2, UpliftLearners::tLearner);
        double[][] customers = {{1, 2}, {1, -2}, {1, 0.5}, {1, -0.5}, {1, 1}};
        // budget 40 % of 5: ⌈2⌉ customers, those of largest |x|, each with the offer on their side
        assertArrayEquals(new int[] {1, 2, 0, 0, 0}, policy.assign(customers, 0.4));
        assertArrayEquals(new int[] {1, 2, 1, 2, 1}, policy.assign(customers, 1));
    }

    @Test
    void contactsNobodyWhomNoOfferHelps() {
        // offer 1 lowers the rate for everyone: a budget of everyone still mails no one
        OfferUpliftPolicy policy = OfferUpliftPolicy.fit(new double[][] {{1}, {1}, {1}, {1}, {1}, {1}},
                new int[] {0, 0, 0, 1, 1, 1}, new double[] {1, 1, 0, 0, 0, 1}, 1, UpliftLearners::tLearner);
        assertArrayEquals(new int[] {0, 0}, policy.assign(new double[][] {{1}, {1}}, 1));
    }

    @Test
    void randomContactsSplitTheShareOverTheOffers() {
        double[][] p = OfferUpliftPolicy.randomContacts(2, 3, 0.3);
        assertEquals(0.7, p[1][0], 1e-15);
        assertEquals(0.15, p[1][2], 1e-15);
    }

    @Test
    void refusesABudgetOutsideZeroToOne() {
        OfferUpliftPolicy policy = OfferUpliftPolicy.fit(new double[][] {{1}, {1}, {1}, {1}}, new int[] {0, 0, 1, 1},
                new double[] {0, 1, 1, 1}, 1, UpliftLearners::tLearner);
        assertThrows(IllegalArgumentException.class, () -> policy.assign(new double[][] {{1}}, 0));
    }

    private static void assertArrayEquals(int[] expected, int[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, java.util.Arrays.toString(actual));
    }
}
