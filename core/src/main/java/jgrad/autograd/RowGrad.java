package jgrad.autograd;

import java.util.Arrays;

import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * The gradient of a table that is read only through {@code gatherRows} (an embedding): the ids of
 * the rows that were looked up, sorted and without repeats, and the summed gradient of each.
 * It costs the batch, not the table, so optimizers can update only these rows.
 */
public final class RowGrad {

    private final int[] ids;
    private final Tensor rows;

    private RowGrad(int[] ids, Tensor rows) {
        this.ids = ids;
        this.rows = rows;
    }

    /** Sums the gradient rows {@code g[i]} (g is [ids.length, ...]) that share an id. */
    public static RowGrad of(int[] ids, Tensor g) {
        if (g.shape(0) != ids.length) {
            throw new IllegalArgumentException("RowGrad: " + ids.length + " ids but " + g.shape(0) + " gradient rows");
        }
        int[] unique = Arrays.stream(ids).sorted().distinct().toArray();
        int[] slot = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            slot[i] = Arrays.binarySearch(unique, ids[i]);
        }
        int[] rowShape = g.shape();
        rowShape[0] = unique.length;
        Tensor summed = Tensor.zeros(g.device(), g.dtype(), rowShape);
        Tensor gc = g.contiguous();
        int rowLen = Shapes.product(rowShape, 1, rowShape.length);
        summed.backend().scatterAddRows(slot, rowLen, gc.storage(), gc.offset(), summed.storage(), 0);
        return new RowGrad(unique, summed);
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

    /** One gradient row per id, in the order of {@link #ids()}. */
    public Tensor rows() {
        return rows;
    }

    /** The same gradient as a dense tensor of the table's shape (zeros in untouched rows). */
    public Tensor toDense(int[] tableShape) {
        Tensor dense = Tensor.zeros(rows.device(), rows.dtype(), tableShape);
        int rowLen = Shapes.product(tableShape, 1, tableShape.length);
        dense.backend().scatterAddRows(ids, rowLen, rows.storage(), rows.offset(), dense.storage(), 0);
        return dense;
    }
}
