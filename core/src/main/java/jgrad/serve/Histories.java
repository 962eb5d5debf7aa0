package jgrad.serve;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import jgrad.data.Ratings;

/** Each user's history from a ratings log, as {@link ServedRecommender} wants it. */
public final class Histories {

    private Histories() {
    }

    /**
     * Dense user {@code u} (id {@code firstId + u}) → the distinct dense items it rated, oldest first (ties
     * in time keep the log's order). Ratings of users or items outside {@code numUsers} / {@code numItems}
     * are left out: the model has no row for them.
     */
    public static int[][] byTime(Ratings log, int firstId, int numUsers, int numItems) {
        Integer[] order = IntStream.range(0, log.size()).boxed().toArray(Integer[]::new);
        long[] time = log.timestamps();
        Arrays.sort(order, Comparator.comparingLong(r -> time[r]));   // a stable sort keeps ties in log order
        int[][] out = new int[numUsers][];
        int[] length = new int[numUsers];
        boolean[][] seen = new boolean[numUsers][];
        for (int r : order) {
            int user = log.users()[r] - firstId;
            int item = log.items()[r] - firstId;
            if (user < 0 || user >= numUsers || item < 0 || item >= numItems) {
                continue;
            }
            if (out[user] == null) {
                out[user] = new int[8];
                seen[user] = new boolean[numItems];
            }
            if (seen[user][item]) {
                continue;
            }
            seen[user][item] = true;
            if (length[user] == out[user].length) {
                out[user] = Arrays.copyOf(out[user], 2 * length[user]);
            }
            out[user][length[user]++] = item;
        }
        for (int u = 0; u < numUsers; u++) {
            out[u] = out[u] == null ? new int[0] : Arrays.copyOf(out[u], length[u]);
        }
        return out;
    }
}
