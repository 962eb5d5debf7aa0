package jgrad.autograd;

import java.util.Arrays;

import jgrad.backend.AdamStep;
import jgrad.backend.Arena;
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
    /** Row gradients made in an {@link Arena} scope are lent by it, like the tensors they hold. */
    private static final Arena.Kind<RowGrad> LENT = Arena.Kind.of(RowGrad::new, RowGrad::recycle);

    /** The ids, ascending, in ids[0 … count): the array may be longer (lent by a step's arena for every batch). */
    private int[] ids;
    private int count;
    private Tensor rows;

    private RowGrad() {
    }

    private static RowGrad of(int[] ids, int count, Tensor rows) {
        RowGrad r = Arena.lend(LENT);
        r.ids = ids;
        r.count = count;
        r.rows = rows;
        return r;
    }

    /** Clears a row gradient its arena took back: using it after its scope is an error that says so. */
    private static void recycle(RowGrad r, boolean poison) {
        r.ids = null;
        r.rows = null;
        r.count = -1;
    }

    private int[] liveIds() {
        if (ids == null) {
            throw new IllegalStateException("a row gradient computed inside an Arena scope was used after the scope "
                    + "closed: call zeroGrad() at the start of each step");
        }
        return ids;
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
            int[] unique = Arena.ints(ids.length);      // as many as the lookups, so that every batch's fits
            int distinct = s.sortedDistinct(ids, slot, unique);
            int rowLen = 1;
            for (int d = 1; d < g.rank(); d++) {
                rowLen *= g.shape(d);
            }
            Tensor summed = summedRows(g, distinct, rowLen);
            summed.backend().fill(distinct * rowLen, summed.storage(), 0, 0.0);   // only the sums' rows
            Tensor gc = g.contiguous();
            summed.backend().scatterAddRows(slot, ids.length, rowLen, gc.storage(), gc.offset(), summed.storage(), 0);
            return of(unique, distinct, summed);
        } finally {
            SCRATCH.give(s);
        }
    }

    /**
     * The first {@code distinct} rows of a buffer of g's shape (one row per lookup): the number of distinct ids
     * changes from batch to batch, the number of lookups does not, so a step's arena lends the same buffer again.
     */
    private static Tensor summedRows(Tensor g, int distinct, int rowLen) {
        if (g.rank() == 2) {                    // an embedding's rows: no shape arrays
            Tensor buffer = Tensor.forOverwrite(g.device(), g.dtype(), g.shape(0), rowLen);
            return Tensor.rowMajorView(buffer.storage(), 0, distinct, rowLen);
        }
        int[] rowShape = g.shape();
        Tensor buffer = Tensor.forOverwrite(g.device(), g.dtype(), rowShape);
        rowShape[0] = distinct;
        return Tensor.rowMajorView(buffer.storage(), 0, rowShape);
    }

    /** This gradient plus another of the same table. */
    public RowGrad plus(RowGrad other) {
        int[] allIds = Arrays.copyOf(liveIds(), count + other.count);
        System.arraycopy(other.liveIds(), 0, allIds, count, other.count);
        return of(allIds, Tensor.concat(0, rows, other.rows));
    }

    /** The ids of the touched rows, ascending, each once. */
    public int[] ids() {
        return Arrays.copyOf(liveIds(), count);
    }

    /** How many rows were touched. */
    public int size() {
        liveIds();
        return count;
    }

    /** The id of touched row k, in the order of {@link #ids()}. */
    public int id(int k) {
        if (k >= count) {
            throw new IndexOutOfBoundsException("row " + k + " of a row gradient of " + count + " rows");
        }
        return liveIds()[k];
    }

    /** One gradient row per id, in the order of {@link #ids()}. */
    public Tensor rows() {
        liveIds();
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
        rows.backend().scatterAddRows(liveIds(), count, rowLen, rows.storage(), rows.offset(), table, 0);
    }

    /**
     * The exact Adam step of the whole table w [tableRows, rowLen] (moments m, v) from this gradient: the looked-up
     * rows with their rows of gradient, every other row with a zero one ({@code Backend.adamRows}; {@code dense} is
     * scratch of the table's size for a backend that densifies the gradient).
     */
    public void adamStep(int tableRows, int rowLen, Storage w, int wOff, Storage m, Storage v, AdamStep step,
                         Storage dense) {
        rows.backend().adamRows(tableRows, rowLen, w, wOff, m, v, liveIds(), count, rows.storage(), rows.offset(), step,
                dense);
    }

    /** A thread's reusable sort keys, rank table and slot array. */
    private static final class Scratch {
        /**
         * A table of ids up to this many times the lookups is walked instead of sorting the lookups: O(n + size) where
         * the sort is O(n log n), and without the sort's run arrays (four small arrays a batch, by JFR). 8 takes
         * MovieLens-100K's 1,682 items at batch 256 this way.
         */
        private static final int TABLE_PER_LOOKUP = 8;

        private long[] keys = new long[0];
        private int[] slots = new int[0];
        private int[] rank = new int[0];

        /**
         * An array of at least n slots, kept for the next call: a model with lookups of two sizes (GRU4Rec's items
         * and its sampled negatives) made a new one on every call when it had to be exactly n long.
         */
        int[] slots(int n) {
            if (slots.length < n) {
                slots = new int[n];
            }
            return slots;
        }

        /**
         * Writes the distinct ids ascending into unique (as long as ids) and returns how many; and in slot[i] the
         * position of ids[i] among them. The ids are sorted with their positions packed in one long each, so one
         * sort of a primitive array does it.
         */
        int sortedDistinct(int[] ids, int[] slot, int[] unique) {
            int n = ids.length;
            int max = -1;
            int min = 0;
            for (int id : ids) {
                max = Math.max(max, id);
                min = Math.min(min, id);
            }
            if (min >= 0 && max < (long) TABLE_PER_LOOKUP * n + 64) {
                return ranked(ids, slot, unique, max + 1);
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
            int u = -1;
            for (int k = 0; k < n; k++) {
                if (k == 0 || idOf(keys[k]) != idOf(keys[k - 1])) {
                    unique[++u] = idOf(keys[k]);
                }
                slot[(int) keys[k]] = u;
            }
            return distinct;
        }

        /**
         * The same as the sort, for ids in [0, size): mark the ids present in a table, number them in ascending order,
         * and look each lookup's number up. O(n + size) where the sort is O(n log n).
         */
        private int ranked(int[] ids, int[] slot, int[] unique, int size) {
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
            for (int id = 0; id < size; id++) {
                if (rank[id] > 0) {
                    unique[rank[id] - 1] = id;
                }
            }
            for (int i = 0; i < ids.length; i++) {
                slot[i] = rank[ids[i]] - 1;
            }
            return distinct;
        }

        private static int idOf(long key) {
            return (int) (key >> 32);
        }
    }
}
