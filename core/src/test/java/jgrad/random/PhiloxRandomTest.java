package jgrad.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The streaming generator: its words are the documented Philox blocks, and it is reproducible. */
class PhiloxRandomTest {

    @Test
    void firstWordsOfSeedZeroAreTheFirstKnownAnswer() {
        PhiloxRandom r = new PhiloxRandom(0);
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
                new int[] {r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt()});
    }

    @Test
    void wordsAreTheBlocksOfCounterAndStream() {
        long seed = 0x0123_4567_89AB_CDEFL;
        for (long stream : new long[] {0, 1, -1, 1L << 40}) {
            PhiloxRandom r = new PhiloxRandom(seed, stream);
            int[] want = new int[4];
            for (long b = 0; b < 50; b++) {
                Philox.block((int) b, 0, (int) stream, (int) (stream >>> 32), 0x89ABCDEF, 0x01234567, want);
                assertArrayEquals(want, new int[] {r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt()},
                        "stream " + stream + " block " + b);
            }
        }
    }

    @Test
    void nextLongPutsTheFirstWordHigh() {
        PhiloxRandom a = new PhiloxRandom(77), b = new PhiloxRandom(77);
        for (int i = 0; i < 10; i++) {  // 10 longs = 20 words: crosses blocks
            long hi = a.nextInt() & 0xFFFF_FFFFL, lo = a.nextInt() & 0xFFFF_FFFFL;
            assertEquals(hi << 32 | lo, b.nextLong());
        }
    }

    @Test
    void streamZeroAgreesWithTheStatelessDrawsAtBlockBoundaries() {
        long seed = -31;
        PhiloxRandom f = new PhiloxRandom(seed), d = new PhiloxRandom(seed), g = new PhiloxRandom(seed);
        for (long b = 0; b < 1000; b++) {
            assertEquals(Philox.uniformFloat(seed, b), f.nextFloat());
            f.nextInt();
            f.nextInt();
            f.nextInt();
            assertEquals(Philox.uniformDouble(seed, b), d.nextDouble());
            d.nextLong();
            assertEquals(Philox.gaussian(seed, b), g.nextGaussian());
        }
    }

    @Test
    void sameSeedSameSequenceOtherSeedOrStreamAnother() {
        double[] a = draw(new PhiloxRandom(5)), b = draw(new PhiloxRandom(5));
        assertArrayEquals(a, b);
        assertArrayEquals(a, draw(new PhiloxRandom(5, 0)));
        assertFalse(Arrays.equals(a, draw(new PhiloxRandom(6))));
        assertFalse(Arrays.equals(a, draw(new PhiloxRandom(5).fork(1))));
        PhiloxRandom fork = new PhiloxRandom(5).fork(9);
        assertEquals(5, fork.seed());
        assertEquals(9, fork.stream());
        assertArrayEquals(draw(new PhiloxRandom(5, 9)), draw(fork));
    }

    /** A mix of every kind of draw, including RandomGenerator's defaults built on ours. */
    private static double[] draw(RandomGenerator r) {
        double[] v = new double[600];
        for (int i = 0; i < v.length; i += 6) {
            v[i] = r.nextInt();
            v[i + 1] = r.nextLong();
            v[i + 2] = r.nextDouble();
            v[i + 3] = r.nextGaussian();
            v[i + 4] = r.nextInt(17);
            v[i + 5] = r.nextFloat();
        }
        return v;
    }

    @Test
    void rangesHoldAndMomentsAreSane() {
        PhiloxRandom r = new PhiloxRandom(2011);
        int n = 100_000;
        double[] u = new double[n];
        double mean = 0, gMean = 0, gSq = 0;
        for (int i = 0; i < n; i++) {
            float f = r.nextFloat();
            u[i] = r.nextDouble();
            int k = r.nextInt(10);
            assertTrue(f >= 0 && f < 1 && u[i] >= 0 && u[i] < 1 && k >= 0 && k < 10);
            mean += u[i] / n;
            double z = r.nextGaussian();
            gMean += z / n;
            gSq += z * z / n;
        }
        assertTrue(PhiloxTest.chiSquare(u) < 170, "χ² " + PhiloxTest.chiSquare(u));
        assertEquals(0.5, mean, 5 * Math.sqrt(1.0 / 12 / n));
        assertEquals(0, gMean, 5 / Math.sqrt(n));
        assertEquals(1, gSq - gMean * gMean, 5 * Math.sqrt(2.0 / n));
    }

    @Test
    void booleansAreTheSignBit() {
        PhiloxRandom a = new PhiloxRandom(3), b = new PhiloxRandom(3);
        int trues = 0;
        for (int i = 0; i < 1000; i++) {
            boolean t = a.nextBoolean();
            assertEquals(b.nextInt() < 0, t);
            trues += t ? 1 : 0;
        }
        assertNotEquals(0, trues);
        assertNotEquals(1000, trues);
    }
}
