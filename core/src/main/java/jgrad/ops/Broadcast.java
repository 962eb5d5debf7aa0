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
        if (a.sameShape(b) && (isSpreadColumn(a) || isSpreadColumn(b))) {
            return withSpreadColumn(op, a, b);
        }
        if (a.sameShape(b)) {                   // the usual case: one run over both, no shape arithmetic
            Tensor out = Tensor.forOverwriteLike(a);   // every element is written
            Tensor ac = a.contiguous();
            Tensor bc = b.contiguous();
            out.backend().binary(op, out.numel(), ac.storage(), ac.offset(), 1, bc.storage(), bc.offset(), 1,
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
        Tensor out = Tensor.zeros(a.device(), a.dtype(), shape);
        run(op, a.contiguous(), b.contiguous(), out);
        return out;
    }

    /**
     * Whether b is one row that broadcasts over all of a ([n], [1, n], … against a of rank ≥ 2 ending in
     * n), so that the result has a's shape.
     */
    /**
     * Whether t is one number per row spread along its last axis (a column expanded: stride 0 there, the rows
     * contiguous), such as the gradient of a sum over the last axis. Read in place, not copied out first.
     */
    private static boolean isSpreadColumn(Tensor t) {
        int rank = t.rank();
        if (rank < 2 || t.stride(rank - 1) != 0 || t.shape(rank - 1) < 2) {
            return false;
        }
        int expected = 1;
        for (int d = rank - 2; d >= 0; d--) {
            if (t.shape(d) > 1 && t.stride(d) != expected) {
                return false;
            }
            expected *= t.shape(d);
        }
        return true;
    }

    /** a ∘ b of one shape where one or both is a spread column: one run per row, the column's number stepped 0. */
    private static Tensor withSpreadColumn(BinaryOp op, Tensor a, Tensor b) {
        Tensor out = Tensor.forOverwriteLike(a);   // every element is written
        int n = a.shape(-1);
        int rows = n == 0 ? 0 : out.numel() / n;
        boolean aColumn = isSpreadColumn(a);
        boolean bColumn = isSpreadColumn(b);
        Tensor ac = aColumn ? a : a.contiguous();
        Tensor bc = bColumn ? b : b.contiguous();
        for (int row = 0; row < rows; row++) {
            out.backend().binary(op, n, ac.storage(), ac.offset() + (aColumn ? row : row * n), aColumn ? 0 : 1,
                    bc.storage(), bc.offset() + (bColumn ? row : row * n), bColumn ? 0 : 1, out.storage(), row * n);
        }
        return out;
    }

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
