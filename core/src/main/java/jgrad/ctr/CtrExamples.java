package jgrad.ctr;

import java.util.Objects;

/**
 * Click-through examples as parallel arrays: row r asks whether user {@code users[r]} clicks (likes)
 * item {@code items[r]}, given {@code histories[r]}, the items the user acted on before, oldest first.
 * Label 1 is a click. Ids are the source's (MovieLens counts from 1); id 0 is never an item, so
 * batches use it for padding. Rows of one user keep their time order. Arrays are shared, not copied.
 */
public record CtrExamples(int[] users, int[] items, int[] labels, int[][] histories) {

    public CtrExamples {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(histories, "histories");
        int n = users.length;
        if (items.length != n || labels.length != n || histories.length != n) {
            throw new IllegalArgumentException("column lengths differ: users " + n + ", items " + items.length
                    + ", labels " + labels.length + ", histories " + histories.length);
        }
    }

    public int size() {
        return users.length;
    }

    /** The given rows, in the given order. */
    public CtrExamples select(int[] rows) {
        int[] u = new int[rows.length];
        int[] i = new int[rows.length];
        int[] y = new int[rows.length];
        int[][] h = new int[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            int row = Objects.checkIndex(rows[k], size());
            u[k] = users[row];
            i[k] = items[row];
            y[k] = labels[row];
            h[k] = histories[row];
        }
        return new CtrExamples(u, i, y, h);
    }

    /** The share of rows labelled 1 (NaN when empty). */
    public double positiveRate() {
        long positives = 0;
        for (int y : labels) {
            positives += y;
        }
        return (double) positives / size();
    }
}
