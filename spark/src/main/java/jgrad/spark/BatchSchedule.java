package jgrad.spark;

import java.util.Random;

import jgrad.data.Batches;

/**
 * The batches of one partition, epoch after epoch, drawn from the partition's seed in the task's
 * {@link TrainingTask.BatchOrder}, as the single-machine run draws them: with one partition and the whole
 * batch size this is that run's own order. Computed from (seed, epoch) alone, so a replica rebuilt on another
 * executor finds the same batches.
 */
final class BatchSchedule {

    private final int rows;
    private final int batchSize;
    private final long seed;
    private final TrainingTask.BatchOrder order;
    private Random random;
    private int epoch = -1;
    private int[][] batches;

    BatchSchedule(int rows, int batchSize, long seed, TrainingTask.BatchOrder order) {
        this.rows = rows;
        this.batchSize = batchSize;
        this.seed = seed;
        this.order = order;
    }

    /** Batches per epoch of a partition of {@code rows} rows: ⌈rows / b⌉. */
    static int steps(int rows, int batchSize) {
        return (rows + batchSize - 1) / batchSize;
    }

    /** How many rows step {@code step} of an epoch takes: b, fewer in the last batch, none after it. */
    static int rowsAt(int rows, int batchSize, int step) {
        return Math.max(0, Math.min(batchSize, rows - step * batchSize));
    }

    /**
     * The row indices of batch {@code step} of epoch {@code epoch}, or null when this partition has run out.
     * Epochs are asked for in order (only the current one is kept).
     */
    int[] batch(int epoch, int step) {
        if (epoch < this.epoch) {
            throw new IllegalStateException("batches of epoch " + epoch + " asked for after epoch " + this.epoch);
        }
        while (this.epoch < epoch) {
            this.epoch++;
            batches = Batches.shuffled(rows, batchSize, generatorFor(this.epoch));
        }
        return step < batches.length ? batches[step] : null;
    }

    private Random generatorFor(int epoch) {
        if (order == TrainingTask.BatchOrder.SEEDED_PER_EPOCH) {
            return new Random(seed * 1000 + epoch);
        }
        if (random == null) {
            random = new Random(seed);
        }
        return random;
    }
}
