package jgrad.ops;

import java.util.Arrays;

import jgrad.backend.Arena;
import jgrad.backend.Device;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/** Picking elements: rows of a table by id (the embedding lookup), and elementwise choice by a mask. */
public final class Indexing {

    private Indexing() {
    }

    /**
     * out[i] = table[ids[i]]: rows of a table [N, ...] picked by id; the result has shape
     * idsShape + table.shape[1:] (idsShape defaults to [ids.length]).
     * Backward: scatter-add, dtable[ids[i]] += g[i], so repeated ids accumulate; for a leaf table
     * marked {@link Tensor#sparseGrad(boolean)}, only the touched rows ({@link jgrad.autograd.RowGrad}).
     */
    public static Tensor gatherRows(Tensor table, int[] ids, int... idsShape) {
        if (table.rank() < 1) {
            throw new IllegalArgumentException("gatherRows: needs a table of rank >= 1, got a scalar");
        }
        int[] shapeOfIds = idsShape.length == 0 ? new int[] {ids.length} : idsShape;
        if (Shapes.numel(shapeOfIds) != ids.length) {
            throw new IllegalArgumentException("gatherRows: " + ids.length + " ids do not fill ids shape "
                    + Shapes.format(shapeOfIds));
        }
        int rows = table.shape(0);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= rows) {
                // the position and the range, not the id: row ids are often people's (embedding tables)
                throw new IndexOutOfBoundsException("gatherRows: the id at position " + i + " is "
                        + (ids[i] < 0 ? "negative" : "beyond the table") + ", outside its " + rows + " rows [0, " + rows + ")");
            }
        }
        int[] rowShape = Arrays.copyOfRange(table.shape(), 1, table.rank());
        int rowLen = Shapes.numel(rowShape);
        int[] outShape = Arrays.copyOf(shapeOfIds, shapeOfIds.length + rowShape.length);
        System.arraycopy(rowShape, 0, outShape, shapeOfIds.length, rowShape.length);
        Tensor t = table.contiguous();
        Tensor out = Tensor.forOverwrite(table.device(), table.dtype(), outShape);      // every row is copied
        int[] idsCopy = Arena.ints(ids.length);      // kept for the backward; lent by the step, if any
        System.arraycopy(ids, 0, idsCopy, 0, ids.length);
        out.backend().gatherRows(idsCopy, rowLen, t.storage(), t.offset(), out.storage(), 0);
        return out.recordedAs("gatherRows", g -> {
            Tensor gc = g.contiguous();
            if (table.isSparseGrad() && table.gradFn() == null) {
                table.accumulateRowGrad(idsCopy, gc.reshape(concat(ids.length, rowShape)));
                return new Tensor[] {null};
            }
            Tensor dTable = Tensor.zeros(table.device(), table.dtype(), table.shape());
            dTable.backend().scatterAddRows(idsCopy, rowLen, gc.storage(), gc.offset(), dTable.storage(), 0);
            return new Tensor[] {dTable};
        }, table);
    }

    private static int[] concat(int first, int[] rest) {
        int[] s = new int[rest.length + 1];
        s[0] = first;
        System.arraycopy(rest, 0, s, 1, rest.length);
        return s;
    }

    /** out = a where cond ≠ 0, else b (all three broadcast). Gradients go to the side chosen. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        Broadcast.checkCompatible("where", a, b);
        Broadcast.checkCompatible("where", a, cond);
        int[] shape = Shapes.broadcast("where", cond.shape(), Shapes.broadcast("where", a.shape(), b.shape()));
        Tensor c = cond.detach().expand(shape).contiguous();
        Tensor out = select(c, a.detach().expand(shape).contiguous(), b.detach().expand(shape).contiguous());
        return out.recordedAs("where", g -> {
            Tensor zero = Tensor.zeros(g.device(), g.dtype(), g.shape());
            return new Tensor[] {null,
                    Reductions.sumTo(select(c, g.contiguous(), zero), a.shape()),
                    Reductions.sumTo(select(c, zero, g.contiguous()), b.shape())};
        }, cond, a, b);
    }

    /** x with {@code value} written where mask ≠ 0 (mask broadcasts to x). */
    public static Tensor maskedFill(Tensor x, Tensor mask, double value) {
        return where(mask, Tensor.full(x.device(), x.dtype(), value), x);
    }

    private static Tensor select(Tensor c, Tensor a, Tensor b) {
        Tensor out = Tensor.zeros(a.device(), a.dtype(), a.shape());
        Device.common("where", c.device(), a.device(), b.device()).backend().where(out.numel(), c.storage(), c.offset(), a.storage(), a.offset(),
                b.storage(), b.offset(), out.storage(), 0);
        return out;
    }
}
