package jgrad.ops;

import jgrad.backend.Arena;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * C = op(A)·op(B) over the last two axes, batched over the leading axes (which broadcast).
 * A transposed view (strides swapped) reaches GEMM as a transpose flag, not as a copy.
 * Backward: dA = G·op(B)ᵀ and dB = op(A)ᵀ·G (transposed back when the operand was), summed over
 * broadcast batch axes.
 */
public final class MatMul {

    private static final int[] NO_BATCH = {};
    private static final int TRANS_A = 1;
    private static final int TRANS_B = 2;

    private MatMul() {
    }

    public static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
        Broadcast.checkCompatible("matmul", a, b);
        if (a.rank() < 2 || b.rank() < 2) {
            throw new IllegalArgumentException("matmul: needs matrices (rank >= 2), got shapes "
                    + Shapes.format(a.shape()) + " and " + Shapes.format(b.shape()));
        }
        int m = transA ? a.shape(-1) : a.shape(-2);
        int k = transA ? a.shape(-2) : a.shape(-1);
        int kb = transB ? b.shape(-1) : b.shape(-2);
        int n = transB ? b.shape(-2) : b.shape(-1);
        if (k != kb) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.format(a.shape()) + (transA ? "ᵀ" : "")
                    + " and " + Shapes.format(b.shape()) + (transB ? "ᵀ" : "") + " do not fit (inner sizes " + k
                    + " and " + kb + ")");
        }
        if (a.rank() > 2 && b.rank() == 2 && !transA) {
            return flattened(a, b, transB, n, k);
        }
        Tensor out;
        if (a.rank() == 2 && b.rank() == 2) {   // two matrices (a layer's product): nothing to broadcast
            out = Tensor.forOverwrite(a.device(), a.dtype(), m, n);        // β = 0: GEMM writes all of C
            multiply(a, transA, b, transB, out, m, n, k);
        } else {
            int[] batch = Shapes.broadcast("matmul", batchShape(a), batchShape(b));
            Tensor ab = a.expand(concat(batch, a.shape(-2), a.shape(-1)));
            Tensor bb = b.expand(concat(batch, b.shape(-2), b.shape(-1)));
            out = Tensor.forOverwrite(a.device(), a.dtype(), concat(batch, m, n));
            multiply(ab, transA, bb, transB, out, m, n, k);
        }
        return out.recordedBy("matmul", (r, g) -> {     // the transpose flags are bits 0 and 1 of the record's
            boolean ta = (r.flags() & TRANS_A) != 0;
            boolean tb = (r.flags() & TRANS_B) != 0;
            Tensor ra = r.input(0);
            Tensor rb = r.input(1);
            return r.gradients(ra.requiresGrad() ? Reductions.sumToShapeOf(gradA(g, rb, ta, tb), ra) : null,
                    rb.requiresGrad() ? Reductions.sumToShapeOf(gradB(g, ra, ta, tb), rb) : null);
        }, true, a, b, (transA ? TRANS_A : 0) | (transB ? TRANS_B : 0), 0, null);
    }

    /**
     * A batch of matrices times one matrix (x [B, T, k] · W, a layer's weights): the batch's rows stacked into one
     * product [B·T, k] · W, so that the backward's dW is one GEMM over all B·T rows instead of B products of
     * [k, n] summed afterwards, and each GEMM is large enough to run at speed.
     */
    private static Tensor flattened(Tensor a, Tensor b, boolean transB, int n, int k) {
        int[] shape = a.shape();
        int rows = 1;
        for (int i = 0; i < shape.length - 1; i++) {
            rows *= shape[i];
        }
        shape[shape.length - 1] = n;
        return matmul(a.reshape(rows, k), b, false, transB).reshape(shape);
    }

    /** d op(A) = G·op(B)ᵀ; if A was used transposed, dA = (G·op(B)ᵀ)ᵀ = op(B)·Gᵀ. */
    private static Tensor gradA(Tensor g, Tensor b, boolean transA, boolean transB) {
        return transA ? matmul(b, g, transB, true) : matmul(g, b, false, !transB);
    }

    /** d op(B) = op(A)ᵀ·G; if B was used transposed, dB = Gᵀ·op(A). */
    private static Tensor gradB(Tensor g, Tensor a, boolean transA, boolean transB) {
        return transB ? matmul(g, a, true, transA) : matmul(a, g, !transA, false);
    }

    /**
     * One GEMM per batch entry, as one batch for the backend; each operand is read in place when its matrices are
     * row- or column-major.
     */
    private static void multiply(Tensor a, boolean transA, Tensor b, boolean transB, Tensor out, int m, int n, int k) {
        Operand pa = Operand.of(a, transA);
        Operand pb = Operand.of(b, transB);
        int batches = out.numel() == 0 ? 0 : out.numel() / (m * n);
        if (batches == 1) {
            out.backend().gemm(pa.trans, pb.trans, m, n, k, pa.t.storage(), pa.offset(NO_BATCH), pa.ld,
                    pb.t.storage(), pb.offset(NO_BATCH), pb.ld, 0, out.storage(), 0, n);
            return;
        }
        int[] aOffs = pa.offsets(batches, out);
        int[] bOffs = pb.offsets(batches, out);
        out.backend().gemmBatch(pa.trans, pb.trans, m, n, k, batches, pa.t.storage(), aOffs, pa.ld,
                pb.t.storage(), bOffs, pb.ld, out.storage(), 0);
    }

    /**
     * A batch of matrices as GEMM sees it: storage, per-matrix offset, transpose flag, leading dimension (a view
     * whose matrices are neither row- nor column-major is copied first). Also for the kernels' own products.
     */
    public record Operand(Tensor t, boolean trans, int ld) {

        public static Operand of(Tensor x, boolean trans) {
            int rowStride = x.stride(-2);
            int colStride = x.stride(-1);
            int rows = x.shape(-2);
            int cols = x.shape(-1);
            if (colStride == 1 && (rows <= 1 || rowStride >= Math.max(cols, 1))) {
                return new Operand(x, trans, rows <= 1 ? Math.max(cols, 1) : rowStride);
            }
            if (rowStride == 1 && (cols <= 1 || colStride >= Math.max(rows, 1))) {
                return new Operand(x, !trans, cols <= 1 ? Math.max(rows, 1) : colStride);
            }
            return of(materialize(x), trans);
        }

        private static Tensor materialize(Tensor x) {
            Tensor c = Tensor.forOverwrite(x.device(), x.dtype(), x.shape());
            c.backend().copy(x.shape(), x.storage(), x.offset(), x.strides(), c.storage(), 0);
            return c;
        }

        /** The offsets of the {@code batches} matrices, in the row-major order of out's leading axes (step memory). */
        public int[] offsets(int batches, Tensor out) {
            int[] offs = Arena.ints(batches);
            int batchRank = out.rank() - 2;
            int[] index = new int[batchRank];
            for (int i = 0; i < batches; i++) {
                offs[i] = offset(index);
                for (int d = batchRank - 1; d >= 0; d--) {
                    if (++index[d] < out.shape(d)) {
                        break;
                    }
                    index[d] = 0;
                }
            }
            return offs;
        }

        int offset(int[] batchIndex) {
            int off = t.offset();
            for (int d = 0; d < batchIndex.length; d++) {
                off += batchIndex[d] * t.stride(d);
            }
            return off;
        }
    }

    private static int[] batchShape(Tensor x) {
        int[] s = x.shape();
        return java.util.Arrays.copyOf(s, s.length - 2);
    }

    private static int[] concat(int[] batch, int rows, int cols) {
        int[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = rows;
        s[batch.length + 1] = cols;
        return s;
    }
}
