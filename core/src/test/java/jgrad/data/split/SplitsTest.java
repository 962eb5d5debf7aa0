package jgrad.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import jgrad.data.Ratings;
import org.junit.jupiter.api.Test;

class SplitsTest {

    @Test
    void randomSplitIsSeededSortedAndComplete() {
        Split<int[]> a = Splits.random(100, 0.2, new SplittableRandom(3));
        Split<int[]> b = Splits.random(100, 0.2, new SplittableRandom(3));
        assertArrayEquals(a.test(), b.test());
        assertEquals(80, a.train().length);
        assertEquals(20, a.test().length);
        int[] all = IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all);
        assertArrayEquals(Arrays.stream(a.test()).sorted().toArray(), a.test());
        assertThrows(IllegalArgumentException.class, () -> Splits.random(10, 1.5, new SplittableRandom(1)));
    }

    @Test
    void timeSplits() {
        long[] ts = {50, 10, 30, 30, 20};
        Split<int[]> cut = Splits.byTime(ts, 30);
        assertArrayEquals(new int[] {1, 4}, cut.train());
        assertArrayEquals(new int[] {0, 2, 3}, cut.test());
        // latest 2 of 5: time order is rows 1, 4, 2, 3, 0 → rows 3 and 0 test (the tie at 30 split by position)
        Split<int[]> latest = Splits.latestFraction(ts, 0.4);
        assertArrayEquals(new int[] {1, 2, 4}, latest.train());
        assertArrayEquals(new int[] {0, 3}, latest.test());
    }

    @Test
    void leaveOneOutHoldsOutTheLatestAndOnTiesTheLargerItem() {
        int[] users = {1, 1, 1, 2, 2, 3};
        int[] items = {10, 20, 30, 7, 5, 4};
        long[] ts = {100, 300, 200, 50, 50, 9};
        Split<int[]> s = Splits.leaveOneOut(users, items, ts);
        assertArrayEquals(new int[] {0, 2, 4}, s.train());
        assertArrayEquals(new int[] {1, 3, 5}, s.test());
        Ratings r = new Ratings(users, items, new float[6], ts);
        Split<Ratings> parts = Splits.apply(r, s);
        assertArrayEquals(new int[] {20, 7, 4}, parts.test().items());
        assertArrayEquals(new int[] {10, 30, 5}, parts.train().items());
    }
}
