package jgrad.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jgrad.data.split.Split;

/** Splits of {@code ctr/ratings.tsv}, worked out by hand: user 1 has 5 rows, user 2 20, user 3 one. */
class TimeSplitTest {

    private final CtrExamples all = RatingHistories.build(CtrFixtures.ratings(), 4, 3);

    @Test
    void theLastTenPercentOfEachUserIsHeldOutAtLeastOneAndNoneOfASingleRow() {
        Split<CtrExamples> s = TimeSplit.lastFraction(all, 0.1);
        // user 1: ⌊0.5⌋ → 1 (item 5); user 2: ⌊2.0⌋ = 2 (t = 18, 19: items 1, 2); user 3: none.
        assertArrayEquals(new int[] {1, 2, 2}, s.test().users());
        assertArrayEquals(new int[] {5, 1, 2}, s.test().items());
        assertArrayEquals(new int[] {1, 2, 4}, s.test().histories()[0]);
        assertEquals(23, s.train().size());
        assertEquals(3, s.train().users()[22]);
    }

    @Test
    void theValidationPartIsTheLastTenPercentOfWhatTrainingKeeps() {
        CtrData d = CtrFixtures.data();
        // user 1 keeps 4 rows: ⌊0.4⌋ → 1 (item 4); user 2 keeps 18: ⌊1.8⌋ = 1 (t = 17, item 6).
        assertArrayEquals(new int[] {4, 6}, d.validation().items());
        assertEquals(21, d.train().size());
        assertEquals(3, d.test().size());
        assertEquals(4, d.userIds());
    }

    @Test
    void aFractionOutsideZeroToOneIsRefused() {
        for (double f : new double[] {0, 1, -0.1, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> TimeSplit.lastFraction(all, f));
            assertTrue(e.getMessage().contains("(0, 1)"), e.getMessage());
        }
    }
}
