package jgrad.uplift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UpliftDataTest {

    /** Arms 0 (control), 1, 2: arm 2 against control keeps rows 0, 2, 3, 5 in order, treated where the arm is 2. */
    @Test
    void oneArmAgainstTheControlGroupKeepsRowOrder() {
        double[][] x = {{0}, {1}, {2}, {3}, {4}, {5}};
        int[] arms = {0, 1, 2, 0, 1, 2};
        double[] y = {1, 0, 1, 0, 1, 0};
        UpliftData d = UpliftData.armAgainstControl(x, arms, y, 2);
        assertArrayEquals(new int[] {0, 1, 0, 1}, d.treatment());
        assertArrayEquals(new double[] {1, 1, 0, 0}, d.outcome());
        assertSame(x[3], d.features()[2]);
        assertThrows(IllegalArgumentException.class, () -> UpliftData.armAgainstControl(x, arms, y, 3),
                "an arm nobody was in leaves one treatment value");
    }
}
