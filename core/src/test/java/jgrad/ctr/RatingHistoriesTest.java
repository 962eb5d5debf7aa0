package jgrad.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values worked out by hand from {@code ctr/ratings.tsv} (its README lists the rows). */
class RatingHistoriesTest {

    private final CtrExamples all = RatingHistories.build(CtrFixtures.ratings(), 4, 3);

    @Test
    void userOneIsInTimeOrderWithTiesInFileOrderAndHistoriesTruncatedFromTheLeft() {
        assertEquals(26, all.size());
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, java.util.Arrays.copyOfRange(all.users(), 0, 5));
        assertArrayEquals(new int[] {3, 1, 2, 4, 5}, java.util.Arrays.copyOfRange(all.items(), 0, 5));
        assertArrayEquals(new int[] {1, 1, 0, 0, 1}, java.util.Arrays.copyOfRange(all.labels(), 0, 5));
        int[][] expected = {{}, {3}, {3, 1}, {3, 1, 2}, {1, 2, 4}};
        for (int r = 0; r < 5; r++) {
            assertArrayEquals(expected[r], all.histories()[r], "row " + r);
        }
    }

    @Test
    void userTwoFollowsTheTimestampsNotTheFileAndUserThreeHasNoHistory() {
        for (int t = 0; t < 20; t++) {
            int row = 5 + t;
            assertEquals(2, all.users()[row]);
            assertEquals(t % 6 + 1, all.items()[row], "t = " + t);
            assertEquals(1 + t % 5 >= 4 ? 1 : 0, all.labels()[row], "t = " + t);
        }
        assertArrayEquals(new int[] {5, 6, 1}, all.histories()[5 + 19]);
        assertEquals(3, all.users()[25]);
        assertArrayEquals(new int[0], all.histories()[25]);
    }

    @Test
    void countsTheExamplesWhoseHistoryIsTruncated() {
        // user 1: 5 ratings, 2 after more than 3 earlier; user 2: 20 ratings, 17; user 3: none.
        assertEquals(19, RatingHistories.truncatedCount(CtrFixtures.ratings(), 3));
        assertEquals(19, CtrFixtures.data().truncatedHistories());
        assertEquals(0, RatingHistories.truncatedCount(CtrFixtures.ratings(), 20));
    }

    @Test
    void aHistoryOfLengthZeroIsEmptyAndANegativeOneIsRefused() {
        CtrExamples none = RatingHistories.build(CtrFixtures.ratings(), 4, 0);
        for (int[] h : none.histories()) {
            assertEquals(0, h.length);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> RatingHistories.build(CtrFixtures.ratings(), 4, -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }
}
