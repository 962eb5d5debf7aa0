package jgrad.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import jgrad.data.Ratings;

class HistoriesTest {

    @Test
    void ordersEachUsersDistinctItemsByTimeAndDropsWhatTheModelCannotHold() {
        // user 1 rates 3 at t=30, 2 at t=10, 3 again at t=40, then 5 and 1 both at t=20, in that log order
        Ratings log = new Ratings(new int[] {1, 1, 1, 2, 1, 1, 4, 1},
                new int[] {3, 2, 3, 1, 5, 1, 1, 9},
                new float[8], new long[] {30, 10, 40, 5, 20, 20, 1, 0});
        int[][] h = Histories.byTime(log, 1, 3, 5);
        // dense items: 2@10 → 1, then t=20: 5 → 4, 1 → 0 (log order), 3@30 → 2; item 9 is outside 5 items
        assertArrayEquals(new int[] {1, 4, 0, 2}, h[0]);
        assertArrayEquals(new int[] {0}, h[1]);
        assertArrayEquals(new int[0], h[2]);
        assertEquals(3, h.length);   // user 4 is outside the 3 users
    }
}
