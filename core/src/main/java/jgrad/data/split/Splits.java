package jgrad.data.split;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import jgrad.data.Batches;
import jgrad.data.Ratings;

/**
 * Ways to split rows into a training part and a test part. Each returns row indices, in ascending order,
 * so the parts keep the source order; {@link #apply} turns them into ratings.
 */
public final class Splits {

    private Splits() {
    }

    /** A random split: {@code round(n · testFraction)} rows, drawn by a seeded shuffle, go to the test part. */
    public static Split<int[]> random(int n, double testFraction, SplittableRandom random) {
        checkFraction(testFraction);
        int[] order = Batches.permutation(n, random);
        int testSize = (int) Math.round(n * testFraction);
        return sorted(Arrays.copyOfRange(order, testSize, n), Arrays.copyOf(order, testSize));
    }

    /** A split at a point in time: rows before {@code cutoff} train, rows at or after it test. */
    public static Split<int[]> byTime(long[] timestamps, long cutoff) {
        int[] train = IntStream.range(0, timestamps.length).filter(r -> timestamps[r] < cutoff).toArray();
        int[] test = IntStream.range(0, timestamps.length).filter(r -> timestamps[r] >= cutoff).toArray();
        return new Split<>(train, test);
    }

    /**
     * The latest {@code round(n · testFraction)} rows test, the others train. Rows are ordered by timestamp,
     * then by row index, so equal timestamps on the boundary are divided by position, and the sizes are exact.
     */
    public static Split<int[]> latestFraction(long[] timestamps, double testFraction) {
        checkFraction(testFraction);
        int n = timestamps.length;
        int[] byTime = IntStream.range(0, n).boxed()
                .sorted((a, b) -> timestamps[a] != timestamps[b] ? Long.compare(timestamps[a], timestamps[b])
                        : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
        int trainSize = n - (int) Math.round(n * testFraction);
        return sorted(Arrays.copyOf(byTime, trainSize), Arrays.copyOfRange(byTime, trainSize, n));
    }

    /**
     * Per-user leave-one-out (He et al. 2017): each user's latest interaction is the test row; on equal
     * timestamps the larger item id is held out. Every user has exactly one test row, so a user with a
     * single interaction has none left for training.
     */
    public static Split<int[]> leaveOneOut(int[] users, int[] items, long[] timestamps) {
        if (users.length != items.length || users.length != timestamps.length) {
            throw new IllegalArgumentException("users, items and timestamps differ in length");
        }
        Map<Integer, Integer> latest = new HashMap<>();
        for (int r = 0; r < users.length; r++) {
            Integer best = latest.get(users[r]);
            if (best == null || isLater(r, best, items, timestamps)) {
                latest.put(users[r], r);
            }
        }
        boolean[] isTest = new boolean[users.length];
        for (int r : latest.values()) {
            isTest[r] = true;
        }
        int[] train = IntStream.range(0, users.length).filter(r -> !isTest[r]).toArray();
        int[] test = IntStream.range(0, users.length).filter(r -> isTest[r]).toArray();
        return new Split<>(train, test);
    }

    /** {@link #leaveOneOut(int[], int[], long[])} of ratings. */
    public static Split<int[]> leaveOneOut(Ratings ratings) {
        return leaveOneOut(ratings.users(), ratings.items(), ratings.timestamps());
    }

    /** The rows of each part. */
    public static Split<Ratings> apply(Ratings ratings, Split<int[]> rows) {
        return new Split<>(ratings.select(rows.train()), ratings.select(rows.test()));
    }

    private static boolean isLater(int r, int other, int[] items, long[] timestamps) {
        return timestamps[r] > timestamps[other] || (timestamps[r] == timestamps[other] && items[r] > items[other]);
    }

    private static Split<int[]> sorted(int[] train, int[] test) {
        Arrays.sort(train);
        Arrays.sort(test);
        return new Split<>(train, test);
    }

    private static void checkFraction(double testFraction) {
        if (!(testFraction >= 0 && testFraction <= 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1], got " + testFraction);
        }
    }
}
