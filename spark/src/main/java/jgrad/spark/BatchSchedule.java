package jgrad.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jgrad.data.Batches;

/**
 * The batches of one partition, epoch after epoch: epoch e's are {@code Batches.shuffled(n, b, rng)} after e
 * earlier epochs drew from the same {@code new Random(seed)}, as {@code fit} draws them. With one partition
 * and the whole batch size this is fit's own order. Computed from (seed, epoch) alone, so a replica rebuilt
 * on another executor finds the same batches.
 */
final class BatchSchedule {

    private final int rows;
    private final int batchSize;
    private final long seed;
    private final List<int[][]> epochs = new ArrayList<>();
    private Random random;

    BatchSchedule(int rows, int batchSize, long seed) {
        this.rows = rows;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** Batches per epoch of a partition of {@code rows} rows: ⌈rows / b⌉. */
    static int steps(int rows, int batchSize) {
        return (rows + batchSize - 1) / batchSize;
    }

    /** How many rows step {@code step} of an epoch takes: b, fewer in the last batch, none after it. */
    static int rowsAt(int rows, int batchSize, int step) {
        return Math.max(0, Math.min(batchSize, rows - step * batchSize));
    }

    /** The row indices of batch {@code step} of epoch {@code epoch}, or null when this partition has run out. */
    int[] batch(int epoch, int step) {
        if (random == null) {
            random = new Random(seed);
        }
        while (epochs.size() <= epoch) {
            epochs.add(Batches.shuffled(rows, batchSize, random));
        }
        int[][] batches = epochs.get(epoch);
        return step < batches.length ? batches[step] : null;
    }
}
