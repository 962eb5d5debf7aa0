package jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NegativeSamplerTest {

    // user 0 likes items 1 and 3 (3 twice), user 1 likes nothing, user 2 likes everything but item 4
    private final NegativeSampler sampler = new NegativeSampler(
            new int[] {0, 0, 0, 2, 2, 2, 2}, new int[] {3, 1, 3, 0, 1, 2, 3}, 3, 5);

    @Test
    void indexesDistinctPositives() {
        assertEquals(2, sampler.positiveCount(0));
        assertEquals(0, sampler.positiveCount(1));
        assertTrue(sampler.isPositive(0, 3));
        assertArrayEquals(new int[] {1, 3}, sampler.positivesOf(0));
        assertArrayEquals(new int[0], sampler.positivesOf(1));
        assertFalse(sampler.isPositive(0, 2));
    }

    @Test
    void drawsUniformlyAmongNonPositives() {
        SplittableRandom random = new SplittableRandom(5);
        int[] counts = new int[5];
        int draws = 30_000;
        for (int i = 0; i < draws; i++) {
            counts[sampler.sample(0, random)]++;
        }
        assertEquals(0, counts[1]);
        assertEquals(0, counts[3]);
        for (int item : new int[] {0, 2, 4}) {
            assertEquals(draws / 3.0, counts[item], draws * 0.02, "item " + item);
        }
        assertEquals(4, sampler.sample(2, random));
    }

    @Test
    void userWithoutPositivesDrawsFromAllItems() {
        SplittableRandom random = new SplittableRandom(6);
        boolean[] seen = new boolean[5];
        for (int i = 0; i < 500; i++) {
            seen[sampler.sample(1, random)] = true;
        }
        assertArrayEquals(new boolean[] {true, true, true, true, true}, seen);
    }

    @Test
    void epochPutsNegativesAfterTheirPositive() {
        ImplicitExamples e = sampler.epoch(new int[] {0, 2}, new int[] {1, 3}, 2, new SplittableRandom(9));
        assertArrayEquals(new int[] {0, 0, 0, 2, 2, 2}, e.users());
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0}, e.labels());
        assertEquals(1, e.items()[0]);
        assertEquals(4, e.items()[4]);
        for (int i : new int[] {1, 2, 4, 5}) {
            assertFalse(sampler.isPositive(e.users()[i], e.items()[i]));
        }
        ImplicitExamples again = sampler.epoch(new int[] {0, 2}, new int[] {1, 3}, 2, new SplittableRandom(9));
        assertArrayEquals(e.items(), again.items());
    }

    @Test
    void refusesImpossibleDrawsAndBadIds() {
        NegativeSampler full = new NegativeSampler(new int[] {0, 0}, new int[] {0, 1}, 1, 2);
        assertThrows(IllegalStateException.class, () -> full.sample(0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> new NegativeSampler(new int[] {0}, new int[] {5}, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(3, new SplittableRandom(1)));
    }

    @Test
    void redraws400kNegativesWellUnderASecond() {
        // MovieLens-100K sized: 943 users, 1682 items, 100,000 positives, 4 negatives each
        SplittableRandom random = new SplittableRandom(2024);
        int n = 100_000;
        int[] users = new int[n];
        int[] items = new int[n];
        for (int r = 0; r < n; r++) {
            users[r] = random.nextInt(943);
            items[r] = random.nextInt(1682);
        }
        NegativeSampler s = new NegativeSampler(users, items, 943, 1682);
        double ms = SamplerTiming.bestEpochMillis(s, users, items, 4, 3, random);
        System.out.printf("NegativeSampler: 400,000 negatives (+100,000 positives) in %.1f ms of CPU%n", ms);
        assertTrue(ms < 1000, "took " + ms + " ms");
    }
}
