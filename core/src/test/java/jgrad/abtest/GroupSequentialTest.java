package jgrad.abtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Boundaries against published tables and against an independent NumPy computation
 * ({@code src/test/resources/abtest/group_sequential.py}: trapezoid rule on the z scale, bisection, and a
 * 2,000,000-path Monte Carlo check of each boundary's total α; its output is {@code group_sequential.txt}).
 */
class GroupSequentialTest {

    private static final double[] FIVE = {0.2, 0.4, 0.6, 0.8, 1.0};

    @Test
    void obrienFlemingSpendingMatchesPublishedAndNumpyBoundaries() {
        double[] c = GroupSequential.boundaries(FIVE, AlphaSpending.obrienFleming(0.05));
        // gsDesign sfLDOF / ldbounds, two-sided α = 0.05, α/2 a side: 4.877, 3.357, 2.680, 2.290, 2.031
        assertArrayEquals(new double[] {4.877, 3.357, 2.680, 2.290, 2.031}, c, 5e-4);
        assertArrayEquals(new double[] {4.876885, 3.357012, 2.680280, 2.289817, 2.031032}, c, 2e-5);
        assertEquals(0.05, GroupSequential.totalExit(FIVE, c), 1e-7);
    }

    @Test
    void obrienFlemingOriginalBoundaryMatchesJennisonAndTurnbull() {
        double[] c = GroupSequential.obrienFleming(5, 0.05);
        // C_B(5, 0.05) = 2.040 (Jennison and Turnbull 2000, Table 2.3): 2.040·√(5/k) ≈ 4.56, 3.23, 2.63, 2.28, 2.04
        assertEquals(2.040, c[4], 5e-4);
        assertArrayEquals(new double[] {4.561742, 3.225638, 2.633723, 2.280871, 2.040073}, c, 2e-5);
    }

    @Test
    void unplannedLooksAndPocockSpendingMatchNumpy() {
        double[] t = {0.3, 0.5, 0.9, 1.0};
        assertArrayEquals(new double[] {3.928573, 2.965618, 2.105020, 2.057262},
                GroupSequential.boundaries(t, AlphaSpending.obrienFleming(0.05)), 2e-5);
        // Lan–DeMets Pocock type, K = 5: 2.438, 2.427, 2.410, 2.397, 2.386 (gsDesign sfLDPocock)
        assertArrayEquals(new double[] {2.437977, 2.426814, 2.410194, 2.396645, 2.385984},
                GroupSequential.boundaries(FIVE, AlphaSpending.pocock(0.05)), 2e-5);
    }

    @Test
    void twentyDailyLooksOfThePeekingSimulationMatchNumpy() {
        double[] t = new double[20];
        for (int d = 1; d <= 20; d++) {
            t[d - 1] = d / 20.0;
        }
        double[] c = GroupSequential.boundaries(t, AlphaSpending.obrienFleming(0.05));
        assertEquals(9.955146, c[0], 2e-5);
        assertEquals(3.024410, c[9], 2e-5);
        assertEquals(2.122827, c[19], 2e-5);
    }

    @Test
    void oneLookIsTheFixedHorizonTest() {
        assertEquals(1.959963984540054, GroupSequential.boundaries(new double[] {1}, AlphaSpending.obrienFleming(0.05))[0],
                1e-9);
        assertEquals(1.959963984540054, GroupSequential.obrienFleming(1, 0.05)[0], 1e-9);
    }

    @Test
    void badLooksAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> GroupSequential.boundaries(new double[] {0.5, 0.4}, AlphaSpending.obrienFleming(0.05)));
        assertTrue(e.getMessage().contains("t2 = 0.4 after 0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AlphaSpending.obrienFleming(1.5));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GroupSequential.boundaries(new double[] {0.5, 1}, t -> 0.05));
        assertTrue(e.getMessage().contains("look 2") && e.getMessage().contains("spends nothing more"), e.getMessage());
    }
}
