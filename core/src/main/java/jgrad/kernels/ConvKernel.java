package jgrad.kernels;

import jgrad.autograd.OpRecord;
import jgrad.backend.Backend;
import jgrad.backend.ConvGeometry;
import jgrad.backend.ReduceOp;
import jgrad.tensor.Tensor;

/**
 * A convolution z = W ⋆ x + b as one recorded op over im2col and GEMM, with its operands laid out so
 * that no large matrix is packed transposed. With cols = im2col(x) [K, B·P] (K = C·kh·kw, P = outH·outW)
 * and W viewed as [C_out, K]:
 * <pre>
 *   Z = W·cols + b                              [C_out, B·P], laid out again as z [B, C_out, P]
 *   dW = (cols·dZᵀ)ᵀ,  db = Σ_columns dZ,  dcols = Wᵀ·dZ,  dx = col2im(dcols)
 * </pre>
 * dW is computed transposed because dZ·colsᵀ would pack all of cols transposed, the largest operand
 * and the slowest packing; cols·dZᵀ packs dZ, C_out/K of its size.
 */
public final class ConvKernel {

    private ConvKernel() {
    }

    /** z [B, C_out, outH, outW] for x [B, C, H, W], W [C_out, C, kh, kw] (contiguous) and b [C_out]. */
    public static Tensor run(Tensor x, Tensor W, Tensor b, ConvGeometry g) {
        int filters = W.shape(0);
        int k = g.patchSize();
        int bp = g.positions();
        int p = g.outH() * g.outW();
        Tensor xc = x.contiguous();
        Tensor wc = W.contiguous();
        Tensor bc = b.contiguous();
        Backend be = xc.backend();
        Tensor cols = Tensor.forOverwrite(x.device(), x.dtype(), k, bp);
        be.im2col(g, 0, xc.storage(), xc.offset(), cols.storage(), 0);
        Tensor zRows = Tensor.forOverwrite(x.device(), x.dtype(), filters, bp);
        // Z starts as the bias: zRows[o, q] = b[o], b read with strides (1, 0).
        be.copy(new int[] {filters, bp}, bc.storage(), bc.offset(), new int[] {1, 0}, zRows.storage(), 0);
        be.gemm(false, false, filters, bp, k, wc.storage(), wc.offset(), k, cols.storage(), 0, bp, 1,
                zRows.storage(), 0, bp);
        Tensor z = Tensor.forOverwrite(x.device(), x.dtype(), g.batch(), filters, g.outH(), g.outW());
        // z[n, o, q] = Z[o, n·P + q]: the copy walks Z with strides (P, B·P, 1).
        be.copy(new int[] {g.batch(), filters, p}, zRows.storage(), 0, new int[] {p, bp, 1}, z.storage(), 0);
        return z.recordedAs("conv", OpRecord.newGradients(gz -> {
            Tensor gc = gz.contiguous();
            Tensor dZ = Tensor.forOverwrite(x.device(), x.dtype(), filters, bp);
            // dZ[o, n·P + q] = g[n, o, q]: walk g with strides (C_out·P, P, 1) in the order (o, n, q).
            be.copy(new int[] {filters, g.batch(), p}, gc.storage(), gc.offset(), new int[] {p, filters * p, 1},
                    dZ.storage(), 0);
            Tensor dW = null;
            Tensor db = null;
            Tensor dx = null;
            if (W.requiresGrad()) {
                Tensor dWt = Tensor.forOverwrite(x.device(), x.dtype(), k, filters);
                be.gemm(false, true, k, filters, bp, cols.storage(), 0, bp, dZ.storage(), 0, bp, 0, dWt.storage(), 0,
                        filters);
                dW = Tensor.forOverwrite(x.device(), x.dtype(), W.shape());
                be.copy(new int[] {filters, k}, dWt.storage(), 0, new int[] {1, filters}, dW.storage(), 0);
            }
            if (b.requiresGrad()) {
                Tensor rowSums = Tensor.forOverwrite(x.device(), x.dtype(), filters);
                be.reduce(ReduceOp.SUM, filters, bp, 1, dZ.storage(), 0, rowSums.storage(), 0);
                db = rowSums.reshape(b.shape());
            }
            if (x.requiresGrad()) {
                Tensor dCols = Tensor.forOverwrite(x.device(), x.dtype(), k, bp);
                be.gemm(true, false, k, bp, filters, wc.storage(), wc.offset(), k, dZ.storage(), 0, bp, 0,
                        dCols.storage(), 0, bp);
                dx = Tensor.forOverwrite(x.device(), x.dtype(), x.shape());
                be.col2im(g, dCols.storage(), 0, dx.storage(), 0);
            }
            return new Tensor[] {dx, dW, db};
        }), x, W, b);
    }
}
