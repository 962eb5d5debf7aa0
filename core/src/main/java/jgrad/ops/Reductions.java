package jgrad.ops;

import java.util.Arrays;

import jgrad.backend.BinaryOp;
import jgrad.backend.ReduceOp;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * Sums, means and maxima along axes or over everything. The backward of a sum broadcasts the
 * gradient back over the reduced axes; the backward of a max sends it to the maximal elements
 * (split equally between ties).
 */
public final class Reductions {

    private Reductions() {
    }

    /**
     * Σ of all elements, a scalar. Its gradient is the upstream number expanded to x's shape, a view
     * that reaches x without a reshape in between, so nothing of x's size is allocated for it.
     */
    public static Tensor sumAll(Tensor x) {
        Tensor flat = x.detach().contiguous();
        Tensor out = Tensor.zeros(x.device(), x.dtype());
        out.backend().reduce(ReduceOp.SUM, 1, flat.numel(), 1, flat.storage(), flat.offset(), out.storage(), 0);
        return out.recordedBy("sum", (r, g) -> r.gradients(g.expandAs(r.input(0))), x, null);
    }

    /** Σ along the given axes; with keepDim the reduced axes stay with size 1. */
    public static Tensor sum(Tensor x, int[] axes, boolean keepDim) {
        boolean[] reduced = reducedAxes("sum", x, axes);
        Tensor out = x.contiguous();
        for (int a = x.rank() - 1; a >= 0; a--) {
            if (reduced[a]) {
                out = reduceAxis(ReduceOp.SUM, out, a);
            }
        }
        int[] shape = keepDim ? out.shape() : dropAxes(x.shape(), reduced);
        // Always a new tensor object, even when nothing was reduced, so that x's own record stays intact.
        Tensor result = Tensor.rowMajorView(out.storage(), out.offset(), shape);
        return result.recordedBy("sum", Reductions::sumBackward, false, x, null, 0, 0, out);
    }

    /** The gradient of a sum: g in the shape with the reduced axes kept (the saved tensor's), expanded to x's. */
    private static Tensor[] sumBackward(jgrad.autograd.OpRecord r, Tensor g) {
        return r.gradients(g.reshapeAs((Tensor) r.saved()).expandAs(r.input(0)));
    }

    /**
     * Σ along one axis: {@link #sum(Tensor, int[], boolean)} (the same reduction, the same bits), for a matrix without
     * its bookkeeping of axes and shapes (a dot product's sum over the factors, every step).
     */
    public static Tensor sum(Tensor x, int axis, boolean keepDim) {
        if (x.rank() != 2) {
            return sum(x, new int[] {axis}, keepDim);
        }
        int a = Shapes.axis("sum", axis, 2);
        Tensor xc = x.contiguous();
        int rows = xc.shape(0);
        int cols = xc.shape(1);
        Tensor kept = Tensor.zeros(x.device(), x.dtype(), a == 0 ? 1 : rows, a == 0 ? cols : 1);
        kept.backend().reduce(ReduceOp.SUM, a == 0 ? 1 : rows, a == 0 ? rows : cols, a == 0 ? cols : 1,
                xc.storage(), xc.offset(), kept.storage(), 0);
        Tensor result = keepDim ? Tensor.rowMajorView(kept.storage(), 0, kept.shape(0), kept.shape(1))
                : Tensor.rowMajorView(kept.storage(), 0, a == 0 ? cols : rows);
        return result.recordedBy("sum", Reductions::sumBackward, false, x, null, 0, 0, kept);
    }

    /** The mean of all elements (NaN for an empty tensor, as 0/0). */
    public static Tensor meanAll(Tensor x) {
        return sumAll(x).mul(1.0 / x.numel());
    }

    public static Tensor mean(Tensor x, int[] axes, boolean keepDim) {
        boolean[] reduced = reducedAxes("mean", x, axes);
        int count = 1;
        for (int a = 0; a < x.rank(); a++) {
            count *= reduced[a] ? x.shape(a) : 1;
        }
        return sum(x, axes, keepDim).mul(1.0 / count);
    }

    /** The largest element, a scalar. */
    public static Tensor maxAll(Tensor x) {
        return max(x.reshape(-1), 0, false);
    }

    /** The maximum along one axis; the gradient is shared equally by the elements that attain it. */
    public static Tensor max(Tensor x, int axis, boolean keepDim) {
        int a = Shapes.axis("max", axis, x.rank());
        if (x.shape(a) == 0) {
            throw new IllegalArgumentException("max: axis " + a + " of shape " + Shapes.format(x.shape())
                    + " is empty; the maximum of nothing is undefined");
        }
        Tensor xc = x.contiguous();
        Tensor kept = reduceAxis(ReduceOp.MAX, xc, a);
        Tensor out = keepDim ? kept : kept.squeeze(a);
        return out.recordedAs("max", g -> {
            Tensor mask = Broadcast.binary("max", BinaryOp.EQ, xc, kept);
            Tensor share = mask.div(sum(mask, new int[] {a}, true));
            return new Tensor[] {share.mul(g.reshape(kept.shape()))};
        }, x);
    }

    /** {@link #sumTo} the shape of {@code operand}; g itself, without copying a shape, when nothing was broadcast. */
    public static Tensor sumToShapeOf(Tensor g, Tensor operand) {
        if (g.sameShape(operand)) {
            return g;
        }
        return isLeadingAxisOf(g, operand) ? sumLeadingAxis(g, operand) : sumTo(g, operand.shape());
    }

    /**
     * Whether g is operand broadcast along one new leading axis (a bias [n] added to a batch [B, n]), so that its
     * sum is one reduction; g must be contiguous and unrecorded (the gradients of a backward are).
     */
    private static boolean isLeadingAxisOf(Tensor g, Tensor operand) {
        if (g.requiresGrad() || !g.isContiguous() || g.dtype() != operand.dtype() || g.device() != operand.device()) {
            return false;
        }
        if (g.rank() == 1 && operand.rank() == 1 && operand.shape(0) == 1) {
            return true;        // a vector summed to [1] (a global bias): the same single reduction
        }
        if (g.rank() != operand.rank() + 1) {
            return false;
        }
        for (int d = 0; d < operand.rank(); d++) {
            if (g.shape(d + 1) != operand.shape(d)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Σ over g's leading axis into a tensor of operand's shape: the reduction {@link #sum} makes for that axis (the same
     * bits), without its bookkeeping of axes and shapes (a bias gradient is summed this way on every step).
     */
    private static Tensor sumLeadingAxis(Tensor g, Tensor operand) {
        Tensor out = Tensor.zerosLike(operand);
        out.backend().reduce(ReduceOp.SUM, 1, g.shape(0), out.numel(), g.storage(), g.offset(), out.storage(), 0);
        return out;
    }

    /** Reduces one axis of a contiguous tensor, keeping it with size 1 (not recorded). */
    private static Tensor reduceAxis(ReduceOp op, Tensor x, int axis) {
        int[] shape = x.shape();
        int outer = Shapes.product(shape, 0, axis);
        int len = shape[axis];
        int inner = Shapes.product(shape, axis + 1, shape.length);
        shape[axis] = 1;
        Tensor out = Tensor.zeros(x.device(), x.dtype(), shape);
        out.backend().reduce(op, outer, len, inner, x.storage(), x.offset(), out.storage(), 0);
        return out;
    }

    /**
     * Sums a broadcast gradient back to the shape of the operand it came from: over the leading
     * axes the operand lacked, and over the axes where it had size 1.
     */
    public static Tensor sumTo(Tensor g, int[] shape) {
        if (g.hasShape(shape)) {
            return g;
        }
        int[] gShape = g.shape();
        int lead = gShape.length - shape.length;
        int count = 0;
        int[] axes = new int[gShape.length];
        for (int d = 0; d < gShape.length; d++) {
            if (d < lead || (shape[d - lead] == 1 && gShape[d] != 1)) {
                axes[count++] = d;
            }
        }
        return sum(g, Arrays.copyOf(axes, count), true).reshape(shape);
    }

    private static boolean[] reducedAxes(String op, Tensor x, int[] axes) {
        boolean[] reduced = new boolean[x.rank()];
        for (int axis : axes) {
            int a = Shapes.axis(op, axis, x.rank());
            if (reduced[a]) {
                throw new IllegalArgumentException(op + ": axis " + a + " listed twice in " + Arrays.toString(axes));
            }
            reduced[a] = true;
        }
        return reduced;
    }

    private static int[] dropAxes(int[] shape, boolean[] drop) {
        int n = 0;
        for (boolean d : drop) {
            n += d ? 0 : 1;
        }
        int[] out = new int[n];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (!drop[i]) {
                out[j++] = shape[i];
            }
        }
        return out;
    }
}
