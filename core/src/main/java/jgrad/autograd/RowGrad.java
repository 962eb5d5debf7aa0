package jgrad.autograd;

import java.util.Arrays;

import jgrad.backend.AdamStep;
import jgrad.backend.Reusable;
import jgrad.backend.Storage;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * The gradient of a table that is read only through {@code gatherRows} (an embedding): the ids of
 * the rows that were looked up, sorted and without repeats, and the summed gradient of each.
 * It costs the batch, not the table, so optimizers can update only these rows.
 */
public final class RowGrad {

    /** Per-thread sort keys and row slots, so that building a gradient allocates only its ids. */
    private static final Reusable<Scratch> SCRATCH = new Reusable<>(Scratch::new);

    private final int[] ids;
    private final Tensor rows;

    private RowGrad(int[] ids, Tensor rows) {
        this.ids = ids;
        this.rows = rows;
    }

    /**
     * Sums the gradient rows {@code g[i]} (g is [ids.length, ...]) that share an id. The summed rows
     * are the first rows of a buffer of ids.length rows: the number of distinct ids changes from
     * batch to batch, the number of lookups does not, so a step's arena lends the same buffer again.
     * Only those first rows are cleared: with 25,600 lookups of 1,682 items, clearing all of it was
     * most of the cost.
     */
    public static RowGrad of(int[] ids, Tensor g) {
        if (g.shape(0) != ids.length) {
            throw new IllegalArgumentException("RowGrad: " + ids.length + " ids but " + g.shape(0) + " gradient rows");
        }
        Scratch s = SCRATCH.take();
        try {
            int[] slot = s.slots(ids.length);
            int[] unique = s.sortedDistinct(ids, slot);
            int[] bufferShape = g.shape();
            int rowLen = Shapes.product(bufferShape, 1, bufferShape.length);
            Tensor buffer = Tensor.forOverwrite(g.device(), g.dtype(), bufferShape);
            int[] rowShape = bufferShape.clone();
            rowShape[0] = unique.length;
            Tensor summed = Tensor.rowMajorView(buffer.storage(), 0, rowShape);
            summed.backend().fill(unique.length * rowLen, summed.storage(), 0, 0.0);   // only the sums' rows
            Tensor gc = g.contiguous();
            summed.backend().scatterAddRows(slot, rowLen, gc.storage(), gc.offset(), summed.storage(), 0);
            return new RowGrad(unique, summed);
        } finally {
            SCRATCH.give(s);
        }
    }

    /** This gradient plus another of the same table. */
    public RowGrad plus(RowGrad other) {
        int[] allIds = Arrays.copyOf(ids, ids.length + other.ids.length);
        System.arraycopy(other.ids, 0, allIds, ids.length, other.ids.length);
        return of(allIds, Tensor.concat(0, rows, other.rows));
    }

    /** The ids of the touched rows, ascending, each once. */
    public int[] ids() {
        return ids.clone();
    }

    /** How many rows were touched. */
    public int size() {
        return ids.length;
    }

    /** The id of touched row k, in the order of {@link #ids()}. */
    public int id(int k) {
        return ids[k];
    }

    /** One gradient row per id, in the order of {@link #ids()}. */
    public Tensor rows() {
        return rows;
    }

    /** The same gradient as a dense tensor of the table's shape (zeros in untouched rows). */
    public Tensor toDense(int[] tableShape) {
        Tensor dense = Tensor.zeros(rows.device(), rows.dtype(), tableShape);
        addInto(dense.storage(), Shapes.product(tableShape, 1, tableShape.length));
        return dense;
    }

    /** table[id(k)] += rows[k] for every k: the gradient added into a dense table of rows of rowLen elements. */
    public void addInto(Storage table, int rowLen) {
        rows.backend().scatterAddRows(ids, rowLen, rows.storage(), rows.offset(), table, 0);
    }

    /**
     * The exact Adam step of the whole table w [tableRows, rowLen] (moments m, v) from this gradient: the looked-up
     * rows with their rows of gradient, every other row with a zero one ({@code Backend.adamRows}; {@code dense} is
     * scratch of the table's size for a backend that densifies the gradient).
     */
    public void adamStep(int tableRows, int rowLen, Storage w, int wOff, Storage m, Storage v, AdamStep step,
                         Storage dense) {
        rows.backend().adamRows(tableRows, rowLen, w, wOff, m, v, ids, rows.storage(), rows.offset(), step, dense);
    }

    /** A thread's reusable sort keys, rank table and slot array. */
    private static final class Scratch {
        /** A table of ids up to this many times the lookups is cheaper to walk than the lookups are to sort. */
        private static final int TABLE_PER_LOOKUP = 4;

        private long[] keys = new long[0];
        private int[] slots = new int[0];
        private int[] rank = new int[0];

        /** An array of exactly n slots (the backend's scatter reads its length); kept while n stays. */
        int[] slots(int n) {
            if (slots.length != n) {
                slots = new int[n];
            }
            return slots;
        }

        /**
         * The distinct ids ascending, and in slot[i] the position of ids[i] among them. The ids are
         * sorted with their positions packed in one long each, so one sort of a primitive array does it.
         */
        int[] sortedDistinct(int[] ids, int[] slot) {
            int n = ids.length;
            int max = -1;
            int min = 0;
            for (int id : ids) {
                max = Math.max(max, id);
                min = Math.min(min, id);
            }
            if (min >= 0 && max < (long) TABLE_PER_LOOKUP * n + 64) {
                return ranked(ids, slot, max + 1);
            }
            if (keys.length < n) {
                keys = new long[n];
            }
            for (int i = 0; i < n; i++) {
                keys[i] = ((long) ids[i] << 32) | i;
            }
            Arrays.sort(keys, 0, n);
            int distinct = 0;
            for (int k = 0; k < n; k++) {
                if (k == 0 || idOf(keys[k]) != idOf(keys[k - 1])) {
                    distinct++;
                }
            }
            int[] unique = new int[distinct];
            int u = -1;
            for (int k = 0; k < n; k++) {
                if (k == 0 || idOf(keys[k]) != idOf(keys[k - 1])) {
                    unique[++u] = idOf(keys[k]);
                }
                slot[(int) keys[k]] = u;
            }
            return unique;
        }

        /**
         * The same as the sort, for ids in [0, size): mark the ids present in a table, number them in ascending order,
         * and look each lookup's number up. O(n + size) where the sort is O(n log n).
         */
        private int[] ranked(int[] ids, int[] slot, int size) {
            if (rank.length < size) {
                rank = new int[size];
            }
            Arrays.fill(rank, 0, size, -1);
            for (int id : ids) {
                rank[id] = 0;
            }
            int distinct = 0;
            for (int id = 0; id < size; id++) {
                if (rank[id] == 0) {
                    rank[id] = ++distinct;
                }
            }
            int[] unique = new int[distinct];
            for (int id = 0; id < size; id++) {
                if (rank[id] > 0) {
                    unique[rank[id] - 1] = id;
                }
            }
            for (int i = 0; i < ids.length; i++) {
                slot[i] = rank[ids[i]] - 1;
            }
            return unique;
        }

        private static int idOf(long key) {
            return (int) (key >> 32);
        }
    }
}
