package jgrad.recsys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import jgrad.data.Ratings;

class PopularityTest {

    /** Items 1…4 rated 2, 3, 0 and 2 times (and one id 9 outside the catalogue), by hand. */
    private static final Ratings RATINGS = new Ratings(new int[] {1, 1, 2, 2, 3, 3, 3, 4},
            new int[] {1, 2, 2, 4, 1, 2, 4, 9}, new float[] {5, 4, 3, 2, 1, 5, 4, 3}, new long[8]);

    @Test
    void countsRatingsPerItem() {
        assertArrayEquals(new double[] {2, 3, 0, 2}, Popularity.of(RATINGS, 4).counts());
    }

    @Test
    void ranksUnseenItemsByCountThenId() {
        Popularity p = Popularity.of(RATINGS, 4);
        assertArrayEquals(new int[] {1, 0, 3, 2}, p.topUnseen(new int[0], 10));   // 3, then the tie 2 = 2 by id, then 0
        assertArrayEquals(new int[] {0, 3}, p.topUnseen(new int[] {1}, 2));
    }

    @Test
    void itemsRatedByAUserInFirstOrder() {
        assertArrayEquals(new int[] {1, 2, 4}, RATINGS.itemsRatedBy(3));
        assertArrayEquals(new int[0], RATINGS.itemsRatedBy(7));
    }
}
