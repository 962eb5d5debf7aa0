package jgrad.kernels;

import jgrad.backend.ConvGeometry;
import jgrad.tensor.Tensor;

/**
 * The sliding windows of a batch of images as one recorded op: x [B, C, H, W] → the column matrix
 * [C·kh·kw, B·outH·outW] of {@link ConvGeometry} ({@link jgrad.backend.Backend#im2col}), whose
 * backward is its adjoint ({@link jgrad.backend.Backend#col2im}): each column entry's gradient goes
 * back to the input element it was read from, summed where windows overlap, dropped where it was
 * read from the padding. A convolution is then one GEMM with the kernel matrix, and a pooling a
 * reduction over the kh·kw rows of each channel.
 */
public final class WindowKernel {

    private WindowKernel() {
    }

    /** The column matrix of x for geometry g, with padded positions at {@code padValue}. */
    public static Tensor unfold(Tensor x, ConvGeometry g, double padValue) {
        Tensor xc = x.contiguous();
        Tensor cols = Tensor.forOverwrite(x.device(), x.dtype(), g.patchSize(), g.positions());
        cols.backend().im2col(g, padValue, xc.storage(), xc.offset(), cols.storage(), 0);
        return cols.recordedWithNewGradients("im2col", gOut -> {
            Tensor gc = gOut.contiguous();
            Tensor dx = Tensor.forOverwrite(x.device(), x.dtype(), x.shape());
            dx.backend().col2im(g, gc.storage(), gc.offset(), dx.storage(), 0);
            return new Tensor[] {dx};
        }, x);
    }

    /**
     * Max pooling as one recorded op ({@link jgrad.backend.Backend#maxPool}): y [B, C, outH, outW] of x
     * [B, C, H, W]; the backward sends each output's gradient to the taps that won its window, shared
     * equally on a tie ({@link jgrad.backend.Backend#maxPoolBackward}).
     */
    public static Tensor maxPool(Tensor x, ConvGeometry g) {
        Tensor xc = x.contiguous();
        Tensor y = Tensor.forOverwrite(x.device(), x.dtype(), g.batch(), g.channels(), g.outH(), g.outW());
        y.backend().maxPool(g, xc.storage(), xc.offset(), y.storage(), 0);
        return y.recordedWithNewGradients("maxPool", gOut -> {
            Tensor gc = gOut.contiguous();
            Tensor dx = Tensor.forOverwrite(x.device(), x.dtype(), x.shape());
            dx.backend().maxPoolBackward(g, xc.storage(), xc.offset(), y.storage(), 0, gc.storage(), gc.offset(),
                    dx.storage(), 0);
            return new Tensor[] {dx};
        }, x);
    }
}
