package jgrad.ctr;

import java.util.LinkedHashMap;
import java.util.Map;

import jgrad.data.split.Split;

/**
 * Splits examples by time within each user: the last ⌊f · n_u⌋ of each user's n_u rows (at least one
 * when the user has two or more) go to the second part. Rows of a user must be in time order, as
 * {@link RatingHistories} gives them; a user with a single row stays in the first part.
 */
public final class TimeSplit {

    private TimeSplit() {
    }

    /** (earlier rows, the last fraction f of each user's rows); 0 < f < 1. */
    public static Split<CtrExamples> lastFraction(CtrExamples examples, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the held-out fraction must be in (0, 1), got " + fraction);
        }
        Map<Integer, Integer> rowsOf = new LinkedHashMap<>();
        for (int u : examples.users()) {
            rowsOf.merge(u, 1, Integer::sum);
        }
        Map<Integer, Integer> seen = new LinkedHashMap<>();
        int[] first = new int[examples.size()];
        int[] second = new int[examples.size()];
        int nFirst = 0;
        int nSecond = 0;
        for (int r = 0; r < examples.size(); r++) {
            int u = examples.users()[r];
            int n = rowsOf.get(u);
            int position = seen.merge(u, 1, Integer::sum) - 1;
            if (position >= n - heldOut(n, fraction)) {
                second[nSecond++] = r;
            } else {
                first[nFirst++] = r;
            }
        }
        return new Split<>(examples.select(java.util.Arrays.copyOf(first, nFirst)),
                examples.select(java.util.Arrays.copyOf(second, nSecond)));
    }

    /** How many of a user's n rows are held out. */
    static int heldOut(int n, double fraction) {
        if (n < 2) {
            return 0;
        }
        return Math.max(1, (int) Math.floor(fraction * n));
    }
}
