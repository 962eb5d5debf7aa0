package jgrad.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tick steps of 1, 2 or 5 × 10ᵏ and their labels, worked out by hand. */
class TicksTest {

    @Test
    void aRateGetsTenthsAndOneDecimal() {
        Ticks t = Ticks.covering(0, 0.83, 6, false);     // 0.83 / 6 = 0.138 → 0.1
        assertEquals(0.1, t.step(), 1e-15);
        assertEquals(0, t.min(), 1e-15);
        assertEquals(0.9, t.max(), 1e-12);
        assertEquals(10, t.values().length);
        assertEquals("0.3", t.label(t.values()[3]));
    }

    @Test
    void largeCountsAreGroupedInThousands() {
        Ticks t = Ticks.covering(0, 200_000, 6, false);   // 33,333 → 50,000
        assertEquals(50_000, t.step(), 1e-9);
        assertArrayEquals(new double[] {0, 50_000, 100_000, 150_000, 200_000}, t.values(), 1e-9);
        assertEquals("150,000", t.label(150_000));
    }

    @Test
    void countingAxesStepByWholeNumbers() {
        Ticks t = Ticks.covering(1, 5, 6, true);         // 0.67 would be 0.5 on a continuous axis
        assertEquals(1, t.step(), 0);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, t.values(), 0);
        assertEquals("3", t.label(3));
        assertEquals(0.5, Ticks.covering(1, 5, 6, false).step(), 0);
    }

    @Test
    void negativeRangesAndZeroLabels() {
        Ticks t = Ticks.covering(-0.013, 0.021, 6, false);   // 0.0057 → 0.005
        assertEquals(0.005, t.step(), 1e-15);
        assertEquals(-0.015, t.min(), 1e-12);
        assertEquals(0.025, t.max(), 1e-12);
        assertEquals("0.000", t.label(-1e-18), "no minus zero");
        assertEquals("-0.010", t.label(-0.01));
    }

    @Test
    void aFlatRangeStillHasAnExtent() {
        Ticks t = Ticks.covering(2, 2, 6, false);
        assertEquals(1.8, t.min(), 1e-12);
        assertEquals(2.2, t.max(), 1e-12);
    }
}
