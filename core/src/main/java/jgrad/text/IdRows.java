package jgrad.text;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

import jgrad.data.Batches;
import jgrad.tensor.Tensor;

/**
 * The word ids of many sentences, each padded to the model's full length at one end, handed out in batches
 * cut to the batch's longest sentence (at least {@code shortest}, the widest filter): dynamic padding, which
 * spares the models the work on columns that are padding in every row of the batch.
 */
final class IdRows {

    /** Batches per pool sorted by width: large enough to group similar lengths, small enough to stay random. */
    private static final int POOL = 20;

    private final int[][] rows;
    private final int[] lengths;
    private final boolean padFront;
    private final int shortest;

    /** @param lengths the ids in use of each row (the rest is padding, at the front if {@code padFront}) */
    IdRows(List<int[]> rows, int[] lengths, boolean padFront, int shortest) {
        this.rows = rows.toArray(int[][]::new);
        this.lengths = lengths;
        this.padFront = padFront;
        this.shortest = shortest;
    }

    int size() {
        return rows.length;
    }

    /** The ids in use of row i, at least {@code shortest}: the width that row needs. */
    int width(int i) {
        return Math.min(rows[i].length, Math.max(shortest, lengths[i]));
    }

    /**
     * Shuffled batches of rows of similar width: a seeded permutation is cut into pools of {@value #POOL}
     * batches, each pool sorted by width and cut into batches, and the batches shuffled (the bucketing of
     * torchtext's BucketIterator). Every row is in exactly one batch; padding shrinks to about nothing.
     */
    int[][] bucketedBatches(int batchSize, RandomGenerator random) {
        Integer[] order = Arrays.stream(Batches.permutation(rows.length, random)).boxed().toArray(Integer[]::new);
        int pool = batchSize * POOL;
        for (int from = 0; from < order.length; from += pool) {
            Arrays.sort(order, from, Math.min(order.length, from + pool), Comparator.comparingInt(this::width));
        }
        int[][] batches = Batches.cut(Arrays.stream(order).mapToInt(Integer::intValue).toArray(), batchSize);
        int[] shuffled = Batches.permutation(batches.length, random);
        int[][] out = new int[batches.length][];
        for (int b = 0; b < out.length; b++) {
            out[b] = batches[shuffled[b]];
        }
        return out;
    }

    /** [picked.length, L] ids, L the widest of the picked rows: padding columns kept only where a row needs them. */
    Tensor batch(int[] picked) {
        return batch(picked, 0, null);
    }

    /**
     * The same with word dropout (Iyyer et al. 2015; Dai and Le 2015): each word id, not the padding, becomes
     * {@link WordIds#UNKNOWN} with probability {@code rate}, drawn from {@code random}, so the model cannot lean
     * on a few words of a sentence. A rate of 0 draws nothing.
     */
    Tensor batch(int[] picked, double rate, RandomGenerator random) {
        int width = 1;
        for (int i : picked) {
            width = Math.max(width, width(i));
        }
        float[] out = new float[picked.length * width];
        for (int r = 0; r < picked.length; r++) {
            int[] ids = rows[picked[r]];
            int from = padFront ? ids.length - width : 0;
            for (int j = 0; j < width; j++) {
                int id = ids[from + j];
                out[r * width + j] = rate > 0 && id != WordIds.PAD && random.nextDouble() < rate ? WordIds.UNKNOWN : id;
            }
        }
        return Tensor.of(out, picked.length, width);
    }
}
