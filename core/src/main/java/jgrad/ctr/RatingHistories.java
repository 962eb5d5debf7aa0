package jgrad.ctr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import jgrad.data.Ratings;

/**
 * Turns explicit ratings into click-through examples (the labelling DIN used on MovieLens, Zhou et al. 2018 §6.1):
 * every rating is one example with label 1 when rating ≥ {@code threshold}, and the user's history is
 * the items they rated strictly before it, in time order. Ratings of one user with the same timestamp
 * keep the order of the file (MovieLens logs many ratings in the same second). A history longer than
 * {@code maxHistory} keeps its most recent {@code maxHistory} items: it is truncated from the left.
 */
public final class RatingHistories {

    private RatingHistories() {
    }

    /**
     * The examples of {@code ratings}, grouped by user (users in increasing id), each user's in time order.
     */
    public static CtrExamples build(Ratings ratings, double threshold, int maxHistory) {
        if (maxHistory < 0) {
            throw new IllegalArgumentException("the history length must be 0 or more, got " + maxHistory);
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("the rating threshold must be a finite number, got " + threshold);
        }
        Integer[] order = timeOrderByUser(ratings);
        int n = order.length;
        int[] users = new int[n];
        int[] items = new int[n];
        int[] labels = new int[n];
        int[][] histories = new int[n][];
        List<Integer> seen = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int r = order[k];
            if (k > 0 && ratings.users()[order[k - 1]] != ratings.users()[r]) {
                seen.clear();
            }
            users[k] = ratings.users()[r];
            items[k] = ratings.items()[r];
            labels[k] = ratings.ratings()[r] >= threshold ? 1 : 0;
            histories[k] = lastItems(seen, maxHistory);
            seen.add(items[k]);
        }
        return new CtrExamples(users, items, labels, histories);
    }

    /**
     * How many ratings have more than {@code maxHistory} earlier ones by the same user: the examples whose
     * history {@link #build} truncates. A user with n ratings contributes max(0, n − maxHistory).
     */
    public static int truncatedCount(Ratings ratings, int maxHistory) {
        java.util.Map<Integer, Integer> perUser = new java.util.HashMap<>();
        for (int u : ratings.users()) {
            perUser.merge(u, 1, Integer::sum);
        }
        return perUser.values().stream().mapToInt(n -> Math.max(0, n - maxHistory)).sum();
    }

    /** Row numbers sorted by user, then timestamp, then file order (the sort is stable). */
    private static Integer[] timeOrderByUser(Ratings ratings) {
        Integer[] order = IntStream.range(0, ratings.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingInt(r -> ratings.users()[r])
                .thenComparingLong(r -> ratings.timestamps()[r]));
        return order;
    }

    private static int[] lastItems(List<Integer> seen, int max) {
        int from = Math.max(0, seen.size() - max);
        return seen.subList(from, seen.size()).stream().mapToInt(Integer::intValue).toArray();
    }
}
