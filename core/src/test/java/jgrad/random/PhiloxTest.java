package jgrad.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Philox-4x32-10 against the published known answers, the (seed, index) mapping against those answers
 * and the documented formulas, and the stateless draws' ranges and moments.
 */
class PhiloxTest {

    private static final int N = 100_000;

    /**
     * Random123's tests/kat_vectors (github.com/DEShawResearch/random123, commit 9545ff64, lines
     * 27–29): counter (4 words), key (2 words), expected output (4 words).
     */
    private static final int[][] KAT = {
        {0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
            0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
        {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
            0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
        {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0,
            0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
    };

    @Test
    void knownAnswersOfRandom123() {
        for (int[] v : KAT) {
            int[] out = new int[4];
            Philox.block(v[0], v[1], v[2], v[3], v[4], v[5], out);
            assertArrayEquals(new int[] {v[6], v[7], v[8], v[9]}, out, () -> String.format("counter %08x…", v[0]));
        }
    }

    @Test
    void blockWritesAtTheOffsetOnly() {
        int[] out = {7, 7, 7, 7, 7, 7};
        Philox.block(0, 0, 0, 0, 0, 0, out, 1);
        assertArrayEquals(new int[] {7, 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8, 7}, out);
    }

    @Test
    void seedAndIndexMapToKeyAndCounterHalves() {
        int[] out = new int[4];
        Philox.words(0, 0, out);
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}, out);
        long seed = 0x299f31d0_a4093822L, index = 0x85a308d3_243f6a88L;
        int[] want = new int[4];
        Philox.block(0x243f6a88, 0x85a308d3, 0, 0, 0xa4093822, 0x299f31d0, want);
        Philox.words(seed, index, out);
        assertArrayEquals(want, out);
    }

    @Test
    void derivedDrawsFollowTheirFormulas() {
        // words(0, 0) is the first known answer.
        assertEquals((0x6627e8d5 >>> 8) / 16777216f, Philox.uniformFloat(0, 0));
        long top53 = (0x6627e8d5L << 21) | (0xe169c58dL >>> 11);
        assertEquals(top53 / 0x1p53, Philox.uniformDouble(0, 0));
        double u1 = (top53 + 1) / 0x1p53;
        double u2 = ((0xbc57ac4cL << 21) | (0x9b00dbd8L >>> 11)) / 0x1p53;
        double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        assertEquals(z, Philox.gaussian(0, 0), 1e-14 * (1 + Math.abs(z)));
    }

    @Test
    void uniformFloatIsUniformDoubleRoundedDownToTheFloatGrid() {
        long seed = 0x9E3779B97F4A7C15L;
        for (long i = 0; i < 10_000; i++) {
            double d = Philox.uniformDouble(seed, i);
            assertEquals((float) (Math.floor(d * 0x1p24) / 0x1p24), Philox.uniformFloat(seed, i));
        }
    }

    @Test
    void uniformsStayInTheHalfOpenUnitInterval() {
        long[] seeds = {0, -1, 42, Long.MIN_VALUE};
        for (long seed : seeds) {
            for (long i = 0; i < N; i++) {
                float f = Philox.uniformFloat(seed, i);
                double d = Philox.uniformDouble(seed, i);
                assertTrue(f >= 0 && f < 1, () -> "uniformFloat " + f);
                assertTrue(d >= 0 && d < 1, () -> "uniformDouble " + d);
            }
        }
    }

    @Test
    void rangeEndIsNeverReachedEvenWhenRoundingWould() {
        float uMax = 1 - 0x1p-24f;
        assertEquals(2f, Math.fma(1f, uMax, 1f), "the unguarded formula rounds up to hi here");
        assertEquals(Math.nextDown(2f), Philox.inRange(uMax, 1f, 2f));
        double dMax = 1 - 0x1p-53;
        assertEquals(2.0, Math.fma(1.0, dMax, 1.0));
        assertEquals(Math.nextDown(2.0), Philox.inRange(dMax, 1.0, 2.0));
        assertEquals(-2.5f, Philox.inRange(0f, -2.5f, 3f));
        assertEquals(Math.fma(5.5f, 0.25f, -2.5f), Philox.inRange(0.25f, -2.5f, 3f));
        for (long i = 0; i < 10_000; i++) {
            float f = Philox.uniformFloat(5, i, -2.5f, 3f);
            double d = Philox.uniformDouble(5, i, -2.5, 3);
            assertTrue(f >= -2.5f && f < 3f && d >= -2.5 && d < 3);
        }
    }

    @Test
    void sameArgumentsSameBitsDifferentArgumentsDifferentBits() {
        assertEquals(Philox.uniformDouble(123, 456), Philox.uniformDouble(123, 456));
        assertEquals(Philox.gaussian(-7, 1L << 40), Philox.gaussian(-7, 1L << 40));
        assertNotEquals(Philox.uniformDouble(123, 456), Philox.uniformDouble(124, 456));
        assertNotEquals(Philox.uniformDouble(123, 456), Philox.uniformDouble(123, 457));
        // the index's high half matters: 2³² + 5 is not 5
        assertNotEquals(Philox.uniformDouble(123, 5), Philox.uniformDouble(123, (1L << 32) + 5));
        assertNotEquals(Philox.uniformDouble(5, 123), Philox.uniformDouble((1L << 32) + 5, 123));
    }

    /** χ² of 100 equal bins, 99 degrees of freedom: mean 99, sd 14; 99 + 5 sd ≈ 170. */
    static double chiSquare(double[] u) {
        int bins = 100;
        int[] count = new int[bins];
        for (double v : u) {
            count[(int) (v * bins)]++;
        }
        double expected = (double) u.length / bins, chi2 = 0;
        for (int c : count) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        return chi2;
    }

    @Test
    void uniformsPassChiSquareAndMoments() {
        double[] f = new double[N], d = new double[N];
        for (int i = 0; i < N; i++) {
            f[i] = Philox.uniformFloat(2026, i);
            d[i] = Philox.uniformDouble(-2026, i + (1L << 33));
        }
        for (double[] u : new double[][] {f, d}) {
            assertTrue(chiSquare(u) < 170, "χ² " + chiSquare(u));
            double mean = 0, var = 0;
            for (double v : u) {
                mean += v / N;
            }
            for (double v : u) {
                var += (v - mean) * (v - mean) / N;
            }
            assertEquals(0.5, mean, 5 * Math.sqrt(1.0 / 12 / N));
            assertEquals(1.0 / 12, var, 0.002);
        }
    }

    @Test
    void gaussianHasMeanZeroVarianceOne() {
        double mean = 0, sq = 0, within1 = 0;
        for (int i = 0; i < N; i++) {
            double z = Philox.gaussian(99, i);
            assertTrue(Double.isFinite(z));
            mean += z / N;
            sq += z * z / N;
            within1 += Math.abs(z) < 1 ? 1.0 / N : 0;
        }
        assertEquals(0, mean, 5 / Math.sqrt(N));
        assertEquals(1, sq - mean * mean, 5 * Math.sqrt(2.0 / N));
        assertEquals(0.682689, within1, 5 * Math.sqrt(0.68 * 0.32 / N));
    }

    @Test
    void dropoutKeepsAboutOneMinusP() {
        for (double p : new double[] {0, 0.1, 0.5, 0.9}) {
            int kept = 0;
            for (long i = 0; i < N; i++) {
                kept += Philox.dropoutKeeps(31, (1L << 33) + 5 + i, p) ? 1 : 0;
            }
            assertEquals(1 - p, (double) kept / N, 5 * Math.sqrt(p * (1 - p) / N) + 1e-12, "p = " + p);
        }
        assertTrue(Philox.dropoutKeeps(1, 2, 0), "p = 0 keeps everything");
    }
}
