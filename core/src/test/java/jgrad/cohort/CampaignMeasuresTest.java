package jgrad.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jgrad.metrics.EventFunnel;

class CampaignMeasuresTest {

    // 6 contacts of "mail" (cost 0.5 each), 4 of the holdout "none" (no cost)
    private static final String[] GROUP = {"mail", "mail", "mail", "mail", "mail", "mail", "none", "none", "none", "none"};
    private static final boolean[] CLICK = {true, true, true, false, false, true, true, false, false, false};
    private static final boolean[] CONVERT = {true, false, true, false, false, false, true, false, false, false};
    private static final double[] REVENUE = {30, 0, 10, 0, 0, 0, 20, 0, 0, 0};

    private static CampaignMeasures measures() {
        return CampaignMeasures.of(GROUP, CLICK, CONVERT, CampaignMeasures.contactCosts(GROUP, 0.5, "none"), REVENUE);
    }

    @Test
    void sumsEachGroupAndComputesTheRatiosByHand() {
        CampaignMeasures m = measures();
        CampaignMeasures.Group mail = m.group("mail");
        assertEquals(new EventFunnel(6, 4, 2), mail.funnel());
        assertEquals(4 / 6.0, mail.ctr(), 1e-15);
        assertEquals(2 / 4.0, mail.cvr(), 1e-15);
        assertEquals(3.0, mail.cost(), 1e-15);
        assertEquals(3.0 / 2, mail.costPerAcquisition(), 1e-15);
        assertEquals(40 / 3.0, mail.returnOnSpend(), 1e-12);
        // holdout converts 1 in 4: 6 contacts would have given 1.5 conversions anyway
        assertEquals(2 - 1.5, m.incrementalConversions("mail", "none"), 1e-15);
        assertEquals(3.0 / 0.5, m.incrementalCostPerAcquisition("mail", "none"), 1e-12);
        assertEquals(0.0, m.group("none").cost());
    }

    @Test
    void wilsonIntervalOfTheCtrMatchesTheFormulaByHand() {
        // n = 6, p = 2/3, z = 1.959963984540054: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)
        double z = 1.959963984540054;
        double n = 6;
        double p = 4 / 6.0;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        var ci = measures().group("mail").ctrInterval(0.95);
        assertEquals(centre - half, ci.lower(), 1e-9);
        assertEquals(centre + half, ci.upper(), 1e-9);
    }

    @Test
    void aGroupWithNoConversionsHasNoCostPerAcquisition() {
        String[] g = {"a", "a", "b"};
        CampaignMeasures m = CampaignMeasures.of(g, new boolean[] {true, false, true}, new boolean[] {false, false, true},
                new double[] {1, 1, 1}, new double[3]);
        assertTrue(Double.isNaN(m.group("a").costPerAcquisition()));
        assertEquals(0.0, m.group("a").returnOnSpend());
        // "a" converts less than "b" per contact: no incremental conversion to put a price on
        assertTrue(Double.isNaN(m.incrementalCostPerAcquisition("a", "b")));
    }

    @Test
    void badRowsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> CampaignMeasures.of(new String[] {"a", "a"},
                new boolean[] {true, false}, new boolean[] {false, true}, new double[2], new double[2]));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("without a click"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CampaignMeasures.of(new String[] {"a"},
                new boolean[] {true}, new boolean[] {false}, new double[] {Double.NaN}, new double[1]));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("cost"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> measures().group("sms"));
        assertTrue(e.getMessage().contains("no group 'sms'") && e.getMessage().contains("[mail, none]"), e.getMessage());
    }
}
