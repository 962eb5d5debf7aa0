package jgrad.text;

import java.util.List;

import jgrad.tensor.Tensor;

/**
 * The word ids of many sentences, each padded to the model's full length at one end, handed out in batches
 * cut to the batch's longest sentence (at least {@code shortest}, the widest filter): dynamic padding, which
 * spares the models the work on columns that are padding in every row of the batch.
 */
final class IdRows {

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

    /** [picked.length, L] ids, L the widest of the picked rows: padding columns kept only where a row needs them. */
    Tensor batch(int[] picked) {
        int width = 1;
        for (int i : picked) {
            width = Math.max(width, width(i));
        }
        float[] out = new float[picked.length * width];
        for (int r = 0; r < picked.length; r++) {
            int[] ids = rows[picked[r]];
            int from = padFront ? ids.length - width : 0;
            for (int j = 0; j < width; j++) {
                out[r * width + j] = ids[from + j];
            }
        }
        return Tensor.of(out, picked.length, width);
    }
}
