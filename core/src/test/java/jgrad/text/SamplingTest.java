package jgrad.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jgrad.random.PhiloxRandom;
import org.junit.jupiter.api.Test;

class SamplingTest {

    private static final float[] P = {0.05f, 0.4f, 0.1f, 0.3f, 0.15f};

    private static int[] counts(int topK, int draws, int... excluded) {
        PhiloxRandom random = new PhiloxRandom(7);
        int[] n = new int[P.length];
        for (int i = 0; i < draws; i++) {
            n[Sampling.draw(P, topK, random, excluded)]++;
        }
        return n;
    }

    @Test
    void topKKeepsTheLikeliestInProportion() {
        int[] n = counts(2, 20000);
        assertEquals(0, n[0] + n[2] + n[4]);
        // P(1 | top 2) = 0.4 / 0.7: standard error of the share about 0.0035
        assertEquals(0.4 / 0.7, n[1] / 20000.0, 0.015);
    }

    @Test
    void withoutTopKEveryClassInProportionExceptTheExcluded() {
        int[] n = counts(0, 40000, 1);
        assertEquals(0, n[1]);
        assertEquals(0.3 / 0.6, n[3] / 40000.0, 0.015);
        assertEquals(0.05 / 0.6, n[0] / 40000.0, 0.01);
    }

    @Test
    void theSeedDecidesTheDraws() {
        PhiloxRandom a = new PhiloxRandom(3);
        PhiloxRandom b = new PhiloxRandom(3);
        boolean differs = false;
        PhiloxRandom c = new PhiloxRandom(4);
        for (int i = 0; i < 50; i++) {
            int x = Sampling.draw(P, 0, a);
            assertEquals(x, Sampling.draw(P, 0, b));
            differs |= x != Sampling.draw(P, 0, c);
        }
        assertTrue(differs);
    }
}
