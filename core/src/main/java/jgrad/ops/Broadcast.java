package jgrad.ops;

import jgrad.backend.Backend;
import jgrad.backend.BinaryOp;
import jgrad.backend.Device;
import jgrad.backend.DType;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * Runs a binary kernel over two tensors with NumPy broadcasting. Both operands are made
 * contiguous, their strides against the output shape become 0 on broadcast axes, axes that can be
 * walked as one are merged, and the backend is called once per innermost run (whose steps are 0 or 1).
 */
final class Broadcast {

    private Broadcast() {
    }

    /** Checks that two operands may be combined: same dtype, same device. */
    static void checkCompatible(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": dtypes differ (" + a.dtype() + " and " + b.dtype()
                    + "); convert one explicitly with to(DType)");
        }
        Device.common(op, a.device(), b.device());
    }

    static Tensor binary(String name, BinaryOp op, Tensor a, Tensor b) {
        checkCompatible(name, a, b);
        if (a.sameShape(b) && a.isContiguous() && b.isContiguous()) {   // the usual case: one run over both
            Tensor out = Tensor.forOverwriteLike(a);   // every element is written
            Tensor ac = a.contiguous();
            Tensor bc = b.contiguous();
            out.backend().binary(op, out.numel(), ac.storage(), ac.offset(), 1, bc.storage(), bc.offset(), 1,
                    out.storage(), 0);
            return out;
        }
        if (a.sameShape(b) && runsFlat(a) && runsFlat(b)) {    // one of them an expanded number (a sum's gradient)
            Tensor out = Tensor.forOverwriteLike(a.isContiguous() ? a : b);
            out.backend().binary(op, out.numel(), a.storage(), a.offset(), a.isContiguous() ? 1 : 0, b.storage(),
                    b.offset(), b.isContiguous() ? 1 : 0, out.storage(), 0);
            return out;
        }
        if (a.sameShape(b) && a.rank() == 2 && (isExpandedColumn(a) && b.isContiguous()
                || a.isContiguous() && isExpandedColumn(b))) {      // a row sum's gradient: one number per row
            Tensor out = Tensor.forOverwriteLike(a.isContiguous() ? a : b);
            int cols = a.shape(1);
            for (int row = 0; row < a.shape(0); row++) {
                out.backend().binary(op, cols, a.storage(), a.offset() + row * a.stride(0), a.stride(1),
                        b.storage(), b.offset() + row * b.stride(0), b.stride(1), out.storage(), row * cols);
            }
            return out;
        }
        if (b.numel() == 1 && b.rank() <= a.rank() && a.isContiguous()) {   // one number for all of a (a global bias)
            Tensor out = Tensor.forOverwriteLike(a);
            out.backend().binary(op, out.numel(), a.storage(), a.offset(), 1, b.storage(), b.offset(), 0,
                    out.storage(), 0);
            return out;
        }
        if (isRowOf(b, a)) {                    // a bias row combined with every row of a
            Tensor out = Tensor.forOverwriteLike(a);   // every element is written
            Tensor ac = a.contiguous();
            Tensor bc = b.contiguous();
            int n = b.numel();
            int rows = n == 0 ? 0 : out.numel() / n;
            if (n == 1) {                       // one number for all: a single run with b's step 0
                out.backend().binary(op, rows, ac.storage(), ac.offset(), 1, bc.storage(), bc.offset(), 0,
                        out.storage(), 0);
            }
            for (int row = 0; n > 1 && row < rows; row++) {
                out.backend().binary(op, n, ac.storage(), ac.offset() + row * n, 1, bc.storage(), bc.offset(), 1,
                        out.storage(), row * n);
            }
            return out;
        }
        int[] shape = Shapes.broadcast(name, a.shape(), b.shape());
        Tensor out = Tensor.forOverwrite(a.device(), a.dtype(), shape);   // run writes every element
        run(op, readable(a), readable(b), out);
        return out;
    }

    /**
     * t itself when {@link #run} can read it where it lies (it walks any strides, but the backend steps through the
     * last axis by 0 or 1: an expanded column, such as the gradient of a sum over the last axis, qualifies), else a
     * contiguous copy.
     */
    private static Tensor readable(Tensor t) {
        int inner = t.rank() - 1;
        while (inner >= 0 && t.shape(inner) == 1) {     // run skips axes of size 1
            inner--;
        }
        boolean inPlace = inner < 0 || t.stride(inner) == 0 || t.stride(inner) == 1;
        return inPlace ? t : t.contiguous();
    }

    /** Whether a matrix repeats one number along each row (stride 0 along its rows, as a column expanded). */
    private static boolean isExpandedColumn(Tensor t) {
        return t.stride(1) == 0 && t.shape(1) > 1;
    }

    /** Whether t's elements can be read in one run: contiguous (step 1), or one number expanded (step 0). */
    private static boolean runsFlat(Tensor t) {
        return t.isContiguous() || t.readsOneNumber();
    }

    /**
     * Whether b is one row that broadcasts over all of a ([n], [1, n], … against a of rank ≥ 2 ending in
     * n), so that the result has a's shape.
     */
    private static boolean isRowOf(Tensor b, Tensor a) {
        if (a.rank() < 2 || b.rank() > a.rank() || b.rank() == 0 || b.shape(-1) != a.shape(-1)) {
            return false;
        }
        for (int d = 0; d < b.rank() - 1; d++) {
            if (b.shape(d) != 1) {
                return false;
            }
        }
        return true;
    }

    /** A scalar tensor of {@code like}'s dtype on its device, for ops with a number on one side. */
    static Tensor constant(Tensor like, double v) {
        return Tensor.full(like.device(), like.dtype(), v);
    }

    private static void run(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        int[] shape = out.shape();
        int rank = shape.length;
        if (out.numel() == 0) {
            return;
        }
        int[] sa = broadcastStrides(a, shape);
        int[] sb = broadcastStrides(b, shape);
        // Merge axis d into axis d+1 while both operands walk them as one run.
        int[] dims = new int[rank];
        int[] stA = new int[rank];
        int[] stB = new int[rank];
        int n = 0;
        for (int d = 0; d < rank; d++) {
            if (shape[d] == 1) {
                continue;
            }
            if (n > 0 && stA[n - 1] == sa[d] * shape[d] && stB[n - 1] == sb[d] * shape[d]) {
                dims[n - 1] *= shape[d];
                stA[n - 1] = sa[d];
                stB[n - 1] = sb[d];
            } else {
                dims[n] = shape[d];
                stA[n] = sa[d];
                stB[n] = sb[d];
                n++;
            }
        }
        Backend backend = out.backend();
        if (n == 0) {
            backend.binary(op, 1, a.storage(), a.offset(), 0, b.storage(), b.offset(), 0, out.storage(), 0);
            return;
        }
        int inner = dims[n - 1];
        int outer = out.numel() / inner;
        int[] index = new int[n - 1];
        int offA = a.offset();
        int offB = b.offset();
        for (int row = 0; row < outer; row++) {
            backend.binary(op, inner, a.storage(), offA, stA[n - 1], b.storage(), offB, stB[n - 1],
                    out.storage(), row * inner);
            for (int d = n - 2; d >= 0; d--) {          // odometer over the outer axes
                index[d]++;
                offA += stA[d];
                offB += stB[d];
                if (index[d] < dims[d]) {
                    break;
                }
                offA -= stA[d] * dims[d];
                offB -= stB[d] * dims[d];
                index[d] = 0;
            }
        }
    }

    /** Strides of a contiguous tensor read as if it had the (broadcast) output shape. */
    private static int[] broadcastStrides(Tensor t, int[] shape) {
        int lead = shape.length - t.rank();
        int[] strides = new int[shape.length];
        for (int d = lead; d < shape.length; d++) {
            strides[d] = t.shape(d - lead) == 1 ? 0 : t.stride(d - lead);
        }
        return strides;
    }
}
