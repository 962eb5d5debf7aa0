package jgrad.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import jgrad.random.PhiloxRandom;

/** Mode-specific normalization: the modes EM finds, and values to (mode, α) and back. */
class ModeNormalizerTest {

    @Test
    void findsTheTwoComponentsOfAWellSeparatedMixture() {
        PhiloxRandom r = new PhiloxRandom(5);
        double[] x = new double[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 4 == 0 ? 20 + 2 * r.nextGaussian() : -5 + 0.5 * r.nextGaussian();
        }
        ModeNormalizer m = ModeNormalizer.fit(x, 2, 1e-3);
        assertEquals(2, m.modes());
        int high = m.mean(0) > m.mean(1) ? 0 : 1;
        // sample means and deviations of 1000 and 3000 draws: within a few standard errors of 20, 2 and −5, 0.5
        assertEquals(20, m.mean(high), 0.2);
        assertEquals(2, m.sigma(high), 0.15);
        assertEquals(-5, m.mean(1 - high), 0.05);
        assertEquals(0.5, m.sigma(1 - high), 0.03);
        assertEquals(high, m.modeOf(19));
        assertEquals(1 - high, m.modeOf(-4));
    }

    @Test
    void givesEachOfFewDistinctValuesItsOwnNarrowModeAndDropsLightOnes() {
        double[] x = new double[1000];
        Arrays.fill(x, 0, 960, 999);
        for (int i = 960; i < 998; i++) {
            x[i] = i % 3;
        }
        x[998] = 27;                 // 0.2 % of the rows: under the 0.5 % weight threshold
        x[999] = 27;
        ModeNormalizer m = ModeNormalizer.fit(x, 10, 0.1);
        assertEquals(4, m.modes());
        for (double v : new double[] {999, 0, 1, 2}) {
            int k = m.modeOf(v);
            assertEquals(v, m.mean(k), 1e-9);
            assertEquals(0.1, m.sigma(k), 1e-12);
            assertEquals(0, m.offset(v, k), 1e-9);
            // any α in (−0.99, 0.99) stays within 0.4 of the value, so it rounds back to it
            assertEquals(v, Math.rint(m.value(k, 0.99)), 0);
        }
    }

    @Test
    void offsetIsClippedAndInvertible() {
        ModeNormalizer m = ModeNormalizer.fit(new double[] {-1, 1, -1, 1, 0}, 1, 1e-3);
        assertEquals(1, m.modes());
        double sigma = m.sigma(0);
        assertEquals(Math.sqrt(0.8), sigma, 1e-9);
        assertEquals(0.5 / (4 * sigma), m.offset(0.5, 0), 1e-12);
        assertEquals(0.5, m.value(0, m.offset(0.5, 0)), 1e-12);
        assertEquals(0.99, m.offset(100, 0));
        assertTrue(m.offset(-100, 0) == -0.99);
    }
}
