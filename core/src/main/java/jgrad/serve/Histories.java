package jgrad.serve;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import jgrad.data.Ratings;
import jgrad.sequence.SequenceData;

/** Each user's history from a ratings log or from sequences, as {@link ServedRecommender} wants it. */
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

    /**
     * Dense user {@code u} (id {@code firstId + u}) → its whole sequence in {@code data} (targets included: a
     * server predicts what comes after everything known), as dense items (id − firstId); users without a
     * sequence get an empty history. An item the model does not know is an error naming the user, the item and
     * {@code source}, the file the sequences came from.
     */
    public static int[][] ofSequences(SequenceData data, int firstId, int numItems, String source) {
        int numUsers = 0;
        for (int u = 0; u < data.numUsers(); u++) {
            if (data.userId(u) < firstId) {
                throw new IllegalArgumentException(source + ": the user of sequence " + (u + 1) + " has an id below the"
                        + " first id " + firstId);
            }
            numUsers = Math.max(numUsers, data.userId(u) - firstId + 1);
        }
        int[][] out = new int[numUsers][];
        for (int u = 0; u < data.numUsers(); u++) {
            int[] items = data.sequence(u);
            for (int t = 0; t < items.length; t++) {
                if (items[t] - firstId >= numItems) {
                    throw new IllegalArgumentException(source + ": sequence " + (u + 1) + " holds at position " + (t + 1)
                            + " an item unknown to the model, which knows items " + firstId + " … "
                            + (firstId + numItems - 1));
                }
                items[t] -= firstId;
            }
            out[data.userId(u) - firstId] = items;
        }
        for (int u = 0; u < numUsers; u++) {
            out[u] = out[u] == null ? new int[0] : out[u];
        }
        return out;
    }
}
