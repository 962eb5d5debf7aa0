package jgrad.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Explicit-feedback interactions as parallel arrays: row {@code r} says user {@code users[r]} gave item
 * {@code items[r]} the rating {@code ratings[r]} at unix second {@code timestamps[r]}. Ids are as in the
 * source file (MovieLens counts from 1) until re-indexed with {@link jgrad.data.prep.IdIndex}.
 * The arrays are shared, not copied: treat them as read-only.
 */
public record Ratings(int[] users, int[] items, float[] ratings, long[] timestamps) {

    public Ratings {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(timestamps, "timestamps");
        int n = users.length;
        if (items.length != n || ratings.length != n || timestamps.length != n) {
            throw new IllegalArgumentException("column lengths differ: users " + n + ", items " + items.length
                    + ", ratings " + ratings.length + ", timestamps " + timestamps.length);
        }
    }

    public int size() {
        return users.length;
    }

    /** The given rows, in the given order. */
    public Ratings select(int[] rows) {
        int[] u = new int[rows.length];
        int[] i = new int[rows.length];
        float[] r = new float[rows.length];
        long[] t = new long[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int row = Objects.checkIndex(rows[k], size());
            u[k] = users[row];
            i[k] = items[row];
            r[k] = ratings[row];
            t[k] = timestamps[row];
        }
        return new Ratings(u, i, r, t);
    }

    /** The largest user id, or -1 when empty. */
    public int maxUser() {
        return Arrays.stream(users).max().orElse(-1);
    }

    /** The largest item id, or -1 when empty. */
    public int maxItem() {
        return Arrays.stream(items).max().orElse(-1);
    }

    /** The distinct item ids {@code user} rated, in the order of their first rating. */
    public int[] itemsRatedBy(int user) {
        return java.util.stream.IntStream.range(0, size()).filter(r -> users[r] == user).map(r -> items[r])
                .distinct().toArray();
    }

    /** The number of distinct user ids. */
    public int distinctUsers() {
        return (int) Arrays.stream(users).distinct().count();
    }

    /** The number of distinct item ids. */
    public int distinctItems() {
        return (int) Arrays.stream(items).distinct().count();
    }

    /** Mean rating, the global bias μ of biased matrix factorization. */
    public double meanRating() {
        if (size() == 0) {
            throw new IllegalStateException("mean rating of no ratings");
        }
        double sum = 0;
        for (float r : ratings) {
            sum += r;
        }
        return sum / size();
    }
}
