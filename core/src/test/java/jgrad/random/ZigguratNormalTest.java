package jgrad.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The ziggurat's draws against the standard normal. The expected probabilities were computed with Python's
 * {@code statistics.NormalDist().inv_cdf(k/20)} (the twenty equal-probability bins) and {@code math.erfc(t/√2)}
 * (two-sided tails), not by this code.
 */
class ZigguratNormalTest {

    private static final int N = 1_000_000;
    private static final double[] VIGINTILES = {-1.644853626951473, -1.281551565544601, -1.036433389493789,
        -0.841621233572914, -0.674489750196082, -0.524400512708041, -0.385320466407568, -0.2533471031358,
        -0.125661346855074, 0.0, 0.125661346855074, 0.2533471031358, 0.385320466407568, 0.524400512708041,
        0.674489750196082, 0.841621233572914, 1.036433389493789, 1.281551565544601, 1.644853626951472};

    @Test
    void twentyEqualBinsPassChiSquare() {
        long[] counts = new long[20];
        for (long j = 0; j < N; j++) {
            double z = ZigguratNormal.gaussian(11, j);
            int bin = 0;
            while (bin < VIGINTILES.length && z >= VIGINTILES[bin]) {
                bin++;
            }
            counts[bin]++;
        }
        double expected = N / 20.0;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        assertTrue(chi2 < 43.82, "χ² = " + chi2 + " with 19 degrees of freedom (0.1 % critical value 43.82)");
    }

    /** The tails, where the rare paths (wedges and the tail beyond r = 3.4426) produce the draws. */
    @Test
    void tailsHaveTheNormalProbabilities() {
        double[] t = {1, 2, 3, 3.442619855899, 4};
        double[] p = {0.31731050786291415, 0.04550026389635844, 0.0026997960632601913, 0.0005761085123916405,
            6.334248366623993e-05};
        long[] beyond = new long[t.length];
        double sum = 0;
        double sumSq = 0;
        for (long j = 0; j < N; j++) {
            double z = ZigguratNormal.gaussian(12, j);
            sum += z;
            sumSq += z * z;
            for (int k = 0; k < t.length; k++) {
                beyond[k] += Math.abs(z) > t[k] ? 1 : 0;
            }
        }
        for (int k = 0; k < t.length; k++) {
            double se = Math.sqrt(p[k] * (1 - p[k]) / N);
            assertEquals(p[k], beyond[k] / (double) N, 4 * se, "P(|Z| > " + t[k] + ")");
        }
        assertEquals(0, sum / N, 4 / Math.sqrt(N));
        assertEquals(1, sumSq / N, 4 * Math.sqrt(2.0 / N));
    }

    @Test
    void pairsAreTheTwoSingleDraws() {
        int[] words = new int[4];
        double[] pair = new double[2];
        for (long block = 0; block < 5000; block++) {
            ZigguratNormal.pair(3, block, words, pair);
            assertEquals(ZigguratNormal.gaussian(3, 2 * block), pair[0], 0);
            assertEquals(ZigguratNormal.gaussian(3, 2 * block + 1), pair[1], 0);
        }
    }

    /** Neighbouring draws are uncorrelated (the layer and the value come from different words). */
    @Test
    void neighboursAreUncorrelated() {
        double sum = 0;
        for (long j = 0; j < N; j++) {
            sum += ZigguratNormal.gaussian(13, j) * ZigguratNormal.gaussian(13, j + 1);
        }
        assertEquals(0, sum / N, 4 / Math.sqrt(N));
    }
}
