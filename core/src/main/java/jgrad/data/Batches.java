package jgrad.data;

import java.util.random.RandomGenerator;

/**
 * Mini-batches of row indices for one epoch, the one batching and shuffling of the engine (fit, splits).
 * Every row appears exactly once; all batches have {@code batchSize} rows except the last, which keeps the
 * remainder ({@code n mod batchSize} rows) rather than dropping it. The shuffle is Fisher–Yates:
 * <pre>
 *   order = 0, 1, …, n−1;   for i = n−1 down to 1:  j = random.nextInt(i + 1),  swap order[i], order[j]
 * </pre>
 * so the same generator in the same state gives the same order, whatever its algorithm
 * ({@link java.util.Random}, {@link java.util.SplittableRandom}, …).
 */
public final class Batches {

    private Batches() {
    }

    /** A uniformly random permutation of {@code 0 … n−1} (Fisher–Yates, driven by the caller's generator). */
    public static int[] permutation(int n, RandomGenerator random) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, got " + n);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The rows in a fresh seeded random order, cut into batches. */
    public static int[][] shuffled(int n, int batchSize, RandomGenerator random) {
        return cut(permutation(n, random), batchSize);
    }

    /** The rows in order, cut into batches (for evaluation). */
    public static int[][] sequential(int n, int batchSize) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, got " + n);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return cut(order, batchSize);
    }

    /** Consecutive slices of {@code order} of {@code batchSize} rows, the last one possibly shorter. */
    public static int[][] cut(int[] order, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        int count = (order.length + batchSize - 1) / batchSize;
        int[][] batches = new int[count][];
        for (int b = 0; b < count; b++) {
            int from = b * batchSize;
            batches[b] = java.util.Arrays.copyOfRange(order, from, Math.min(from + batchSize, order.length));
        }
        return batches;
    }
}
