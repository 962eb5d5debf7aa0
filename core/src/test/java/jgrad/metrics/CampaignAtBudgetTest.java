package jgrad.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CampaignAtBudgetTest {

    // ten clients, three convert (indices 0, 4, 7): base rate 0.3
    private static final double[] SCORES = {0.9, 0.1, 0.8, 0.3, 0.7, 0.2, 0.6, 0.4, 0.5, 0.05};
    private static final int[] LABELS = {1, 0, 0, 0, 1, 0, 0, 1, 0, 0};

    @Test
    void contactsTheTopFractionAndMeasuresItAgainstRandomContacts() {
        // budget ⌈10 · 0.3⌉ = 3: clients 0, 2, 4 (scores 0.9, 0.8, 0.7), of whom 0 and 4 convert
        CampaignAtBudget c = CampaignAtBudget.of(SCORES, LABELS, 0.3);
        assertEquals(3, c.budget());
        assertArrayEquals(new int[] {0, 2, 4}, c.called());
        assertEquals(0.3, c.baseRate(), 1e-15);
        assertEquals(new ConfusionMatrix(2, 1, 6, 1), c.atBudget());
        assertEquals(2.0 / 3, c.precision(), 1e-15);
        assertEquals(2.0 / 3, c.recall(), 1e-15);
        assertEquals((2.0 / 3) / 0.3, c.lift(), 1e-12);
        assertEquals(0.9, c.randomHits(), 1e-12);
    }

    @Test
    void theBudgetRoundsUp() {
        // ⌈10 · 0.25⌉ = 3 as above; ⌈10 · 0.05⌉ = 1: client 0 alone, who converts: precision 1, lift 1 / 0.3
        assertEquals(3, CampaignAtBudget.of(SCORES, LABELS, 0.25).budget());
        CampaignAtBudget one = CampaignAtBudget.of(SCORES, LABELS, 0.05);
        assertArrayEquals(new int[] {0}, one.called());
        assertEquals(1 / 0.3, one.lift(), 1e-12);
        assertEquals(1.0 / 3, one.recall(), 1e-15);
    }

    @Test
    void everyoneContactedIsLiftOne() {
        CampaignAtBudget all = CampaignAtBudget.of(SCORES, LABELS, 1);
        assertEquals(10, all.budget());
        assertEquals(1, all.lift(), 1e-12);
        assertEquals(1, all.recall(), 0);
    }

    @Test
    void badInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CampaignAtBudget.of(SCORES, LABELS, 0));
        assertThrows(IllegalArgumentException.class, () -> CampaignAtBudget.of(SCORES, LABELS, 1.5));
        assertThrows(IllegalArgumentException.class, () -> CampaignAtBudget.of(new double[2], new int[3], 0.5));
        assertThrows(IllegalArgumentException.class, () -> CampaignAtBudget.of(new double[2], new int[] {0, 2}, 0.5));
    }
}
