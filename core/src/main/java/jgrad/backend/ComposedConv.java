package jgrad.backend;

/**
 * {@link Backend#convForward} and its backward composed from a backend's generic kernels, for a backend
 * without a fused pass (CUDA). With cols = im2col(x) [K, B·P] (K = C·kh·kw, P = outH·outW) and W viewed as
 * [C_out, K]:
 * <pre>
 *   Z = W·cols + b                              [C_out, B·P], laid out again as z [B, C_out, P], then act
 *   dW = (cols·Dᵀ)ᵀ,  db = Σ_columns D,  dcols = Wᵀ·D,  dx = col2im(dcols)      (D: d laid out as Z)
 * </pre>
 * dW is computed transposed because D·colsᵀ would pack all of cols transposed, the largest operand and the
 * slowest packing; cols·Dᵀ packs D, C_out/K of its size. The backward recomputes cols rather than keeping
 * them from the forward: one im2col is cheaper than holding K·B·P numbers between the passes.
 */
final class ComposedConv {

    private ComposedConv() {
    }

    static void forward(Backend be, ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w,
                        int wOff, Storage b, int bOff, Storage z, int zOff) {
        int k = g.patchSize();
        int bp = g.positions();
        int p = g.outH() * g.outW();
        DType dt = z.dtype();
        Storage cols = be.allocateForOverwrite(dt, k * bp);
        be.im2col(g, 0, x, xOff, cols, 0);
        Storage zRows = be.allocateForOverwrite(dt, filters * bp);
        // Z starts as the bias: zRows[o, q] = b[o], b read with strides (1, 0).
        be.copy(new int[] {filters, bp}, b, bOff, new int[] {1, 0}, zRows, 0);
        be.gemm(false, false, filters, bp, k, w, wOff, k, cols, 0, bp, 1, zRows, 0, bp);
        // z[n, o, q] = Z[o, n·P + q]: the copy walks Z with strides (P, B·P, 1).
        be.copy(new int[] {g.batch(), filters, p}, zRows, 0, new int[] {p, bp, 1}, z, zOff);
        if (relu) {
            be.unary(UnaryOp.RELU, g.batch() * filters * p, z, zOff, z, zOff, 0);
        }
    }

    static void backward(Backend be, ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w,
                         int wOff, Storage z, int zOff, Storage dz, int dzOff, Storage dx, int dxOff, Storage dW,
                         Storage db) {
        int k = g.patchSize();
        int bp = g.positions();
        int p = g.outH() * g.outW();
        DType dt = dz.dtype();
        Storage d = dz;
        int dOff = dzOff;
        if (relu) {
            // relu'(s) = [s > 0] = [z > 0]: z stands in for the pre-activation.
            d = be.allocateForOverwrite(dt, filters * bp);
            dOff = 0;
            be.unaryBackward(UnaryOp.RELU, filters * bp, z, zOff, z, zOff, dz, dzOff, d, 0, 0);
        }
        Storage dRows = be.allocateForOverwrite(dt, filters * bp);
        // D[o, n·P + q] = d[n, o, q]: walk d with strides (C_out·P, P, 1) in the order (o, n, q).
        be.copy(new int[] {filters, g.batch(), p}, d, dOff, new int[] {p, filters * p, 1}, dRows, 0);
        if (dW != null) {
            Storage cols = be.allocateForOverwrite(dt, k * bp);
            be.im2col(g, 0, x, xOff, cols, 0);
            Storage dWt = be.allocateForOverwrite(dt, k * filters);
            be.gemm(false, true, k, filters, bp, cols, 0, bp, dRows, 0, bp, 0, dWt, 0, filters);
            be.copy(new int[] {filters, k}, dWt, 0, new int[] {1, filters}, dW, 0);
        }
        if (db != null) {
            be.reduce(ReduceOp.SUM, filters, bp, 1, dRows, 0, db, 0);
        }
        if (dx != null) {
            Storage dCols = be.allocateForOverwrite(dt, k * bp);
            be.gemm(true, false, k, bp, filters, w, wOff, k, dRows, 0, bp, 0, dCols, 0, bp);
            be.col2im(g, dCols, 0, dx, dxOff);
        }
    }
}
