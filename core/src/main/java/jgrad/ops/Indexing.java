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
        if (idsShape.length > 0 && Shapes.numel(idsShape) != ids.length) {
            throw new IllegalArgumentException("gatherRows: " + ids.length + " ids do not fill ids shape "
                    + Shapes.format(idsShape));
        }
        checkIds("gatherRows", ids, table.shape(0));
        int rowLen = rowLength(table);
        Tensor t = table.contiguous();
        Tensor out = gatheredShape(table, ids, idsShape);      // every row is copied
        int[] idsCopy = Arena.ints(ids.length);      // kept for the backward; lent by the step, if any
        System.arraycopy(ids, 0, idsCopy, 0, ids.length);
        out.backend().gatherRows(idsCopy, rowLen, t.storage(), t.offset(), out.storage(), 0);
        return out.recordedBy("gatherRows", (r, g) -> {      // the ids are the record's saved object
            Tensor tab = r.input(0);
            int[] saved = (int[]) r.saved();
            Tensor gc = g.contiguous();
            if (tab.isSparseGrad() && tab.gradFn() == null) {
                tab.accumulateRowGrad(saved, gc.rank() == tab.rank() ? gc : gc.reshape(concat(saved.length,
                        Arrays.copyOfRange(tab.shape(), 1, tab.rank()))));
                return r.gradients(null);
            }
            Tensor dTable = Tensor.zeros(tab.device(), tab.dtype(), tab.shape());
            dTable.backend().scatterAddRows(saved, saved.length, rowLength(tab), gc.storage(), gc.offset(), dTable.storage(), 0);
            return r.gradients(dTable);
        }, false, table, null, 0, 0, idsCopy);
    }

    /** The elements of one row of a table: the product of its shape after the first axis. */
    private static int rowLength(Tensor table) {
        int n = 1;
        for (int d = 1; d < table.rank(); d++) {
            n *= table.shape(d);
        }
        return n;
    }

    /**
     * A tensor for the gathered rows, of shape idsShape (or [ids.length]) + table.shape[1:]; the usual lookup, ids into
     * a matrix, without shape arrays.
     */
    private static Tensor gatheredShape(Tensor table, int[] ids, int[] idsShape) {
        if (idsShape.length == 0 && table.rank() == 2) {
            return Tensor.forOverwrite(table.device(), table.dtype(), ids.length, table.shape(1));
        }
        int[] shapeOfIds = idsShape.length == 0 ? new int[] {ids.length} : idsShape;
        int[] rowShape = Arrays.copyOfRange(table.shape(), 1, table.rank());
        int[] outShape = Arrays.copyOf(shapeOfIds, shapeOfIds.length + rowShape.length);
        System.arraycopy(rowShape, 0, outShape, shapeOfIds.length, rowShape.length);
        return Tensor.forOverwrite(table.device(), table.dtype(), outShape);
    }

    /**
     * out[i] = Σ_j h[i, j] · table[ids[i], j]: each row of h [..., d] dotted with the table's [N, d] row
     * of its id; the result has h's shape without its last axis. The same as
     * {@code h.mul(table.gatherRows(ids, …)).sum(-1)} without the gathered copy and its product (a
     * next-item model scores 25,600 positions against one item each this way). Backward:
     * dh[i] = g[i] · table[ids[i]], dtable[ids[i]] += g[i] · h[i] (row-sparse for a leaf that asks for it).
     */
    public static Tensor gatherDot(Tensor h, Tensor table, int[] ids) {
        if (table.rank() != 2 || h.rank() < 1 || h.shape(h.rank() - 1) != table.shape(1)) {
            throw new IllegalArgumentException("gatherDot: rows of " + Shapes.format(h.shape())
                    + " do not match a table of " + Shapes.format(table.shape()) + " (needs [..., d] and [N, d])");
        }
        if (h.dtype() != table.dtype() || h.device() != table.device()) {
            throw new IllegalArgumentException("gatherDot: h is " + h.dtype() + " on " + h.device() + ", the table "
                    + table.dtype() + " on " + table.device());
        }
        int d = table.shape(1);
        int[] outShape = Arrays.copyOf(h.shape(), h.rank() - 1);
        if (Shapes.numel(outShape) != ids.length) {
            throw new IllegalArgumentException("gatherDot: " + ids.length + " ids for " + Shapes.numel(outShape)
                    + " rows of " + Shapes.format(h.shape()));
        }
        checkIds("gatherDot", ids, table.shape(0));
        Tensor hc = h.contiguous();
        Tensor t = table.contiguous();
        Tensor out = Tensor.forOverwrite(h.device(), h.dtype(), outShape);     // every row's sum is written
        int[] idsCopy = Arena.ints(ids.length);
        System.arraycopy(ids, 0, idsCopy, 0, ids.length);
        out.backend().gatherDot(idsCopy, d, hc.storage(), hc.offset(), t.storage(), t.offset(), out.storage(), 0);
        return out.recordedAs("gatherDot", g -> {
            Tensor gc = g.contiguous();
            Tensor dh = Tensor.forOverwrite(h.device(), h.dtype(), h.shape());
            Tensor dRows = Tensor.forOverwrite(h.device(), h.dtype(), ids.length, d);
            gc.backend().gatherDotBackward(idsCopy, d, gc.storage(), gc.offset(), hc.storage(), hc.offset(),
                    t.storage(), t.offset(), dh.storage(), 0, dRows.storage(), 0);
            if (table.isSparseGrad() && table.gradFn() == null) {
                table.accumulateRowGrad(idsCopy, dRows);
                return new Tensor[] {dh, null};
            }
            Tensor dTable = Tensor.zeros(table.device(), table.dtype(), table.shape());
            dTable.backend().scatterAddRows(idsCopy, idsCopy.length, d, dRows.storage(), 0, dTable.storage(), 0);
            return new Tensor[] {dh, dTable};
        }, h, table);
    }

    /** Every id in [0, rows), or an error that names the position and the range (not the id: it may stand for a person). */
    private static void checkIds(String op, int[] ids, int rows) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= rows) {
                throw new IndexOutOfBoundsException(op + ": the id at position " + i + " is "
                        + (ids[i] < 0 ? "negative" : "beyond the table") + ", outside its " + rows + " rows [0, " + rows + ")");
            }
        }
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
