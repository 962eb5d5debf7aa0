package jgrad.kernels;

import jgrad.backend.Backend;
import jgrad.backend.ConvGeometry;
import jgrad.tensor.Tensor;

/**
 * A convolution z = act(W ⋆ x + b) as one recorded op, act the identity or ReLU: the forward is
 * {@link Backend#convForward}, the backward {@link Backend#convBackward}, which applies ReLU's derivative
 * [z &gt; 0] to the upstream gradient itself. Fusing the ReLU saves the passes a separate op makes over the
 * output and its gradient (two each way), and lets a backend apply bias and ReLU while the output is in cache.
 * Two variants: the 1-d convolution of signals laid out channels last ({@link #runChannelsLast}), and the
 * convolution with a max pooling over its output ({@link #runMaxPooled}).
 */
public final class ConvKernel {

    private ConvKernel() {
    }

    /** z [B, C_out, outH, outW] for x [B, C, H, W], W [C_out, C, kh, kw] and b [C_out], without activation. */
    public static Tensor run(Tensor x, Tensor W, Tensor b, ConvGeometry g) {
        return run(x, W, b, g, false);
    }

    /** The same followed by max(·, 0) when {@code relu}. */
    public static Tensor run(Tensor x, Tensor W, Tensor b, ConvGeometry g, boolean relu) {
        int filters = W.shape(0);
        Tensor xc = x.contiguous();
        Tensor wc = W.contiguous();
        Tensor bc = b.contiguous();
        Backend be = xc.backend();
        Tensor z = Tensor.forOverwrite(x.device(), x.dtype(), g.batch(), filters, g.outH(), g.outW());
        be.convForward(g, filters, relu, xc.storage(), xc.offset(), wc.storage(), wc.offset(), bc.storage(),
                bc.offset(), z.storage(), 0);
        return z.recordedWithNewGradients(relu ? "conv+relu" : "conv", gz -> {
            Tensor gc = gz.contiguous();
            ConvGrads d = ConvGrads.forInputsOf(x, W, b);
            be.convBackward(g, filters, relu, xc.storage(), xc.offset(), wc.storage(), wc.offset(), z.storage(), 0,
                    gc.storage(), gc.offset(), d.dxStorage(), 0, d.dWStorage(), d.dbStorage());
            return d.inInputOrder();
        }, x, W, b);
    }

    /**
     * The 1-d convolution of x [B, L, C], laid out channels last (an embedding lookup's layout): z [B, C_out,
     * outW] for W [C_out, C, k], b [C_out] and the 1-d geometry g (x as [B, C, 1, L]), by
     * {@link Backend#convRowsForward} and {@link Backend#convRowsBackward}. It spares the layer the copy of x to
     * channels first, and lets a backend read each window of x in place.
     */
    public static Tensor runChannelsLast(Tensor x, Tensor W, Tensor b, ConvGeometry g, boolean relu) {
        int filters = W.shape(0);
        Tensor xc = x.contiguous();
        Tensor wc = W.contiguous();
        Tensor bc = b.contiguous();
        Backend be = xc.backend();
        Tensor z = Tensor.forOverwrite(x.device(), x.dtype(), g.batch(), filters, g.outW());
        be.convRowsForward(g, filters, relu, xc.storage(), xc.offset(), wc.storage(), wc.offset(), bc.storage(),
                bc.offset(), z.storage(), 0);
        return z.recordedWithNewGradients(relu ? "conv1d-rows+relu" : "conv1d-rows", gz -> {
            Tensor gc = gz.contiguous();
            ConvGrads d = ConvGrads.forInputsOf(x, W, b);
            be.convRowsBackward(g, filters, relu, xc.storage(), xc.offset(), wc.storage(), wc.offset(), z.storage(),
                    0, gc.storage(), gc.offset(), d.dxStorage(), 0, d.dWStorage(), d.dbStorage());
            return d.inInputOrder();
        }, x, W, b);
    }

    /**
     * maxPool(relu(W ⋆ x + b)) as one recorded op ({@link Backend#convMaxPool}): y [B, C_out, pool.outH,
     * pool.outW] for the pooling geometry {@code pool} over the convolution's output. The op keeps the backend's
     * record instead of the convolution's output, and its backward is {@link Backend#convMaxPoolBackward}.
     */
    public static Tensor runMaxPooled(Tensor x, Tensor W, Tensor b, ConvGeometry g, ConvGeometry pool) {
        int filters = W.shape(0);
        Tensor xc = x.contiguous();
        Tensor wc = W.contiguous();
        Tensor bc = b.contiguous();
        Backend be = xc.backend();
        Tensor y = Tensor.forOverwrite(x.device(), x.dtype(), g.batch(), filters, pool.outH(), pool.outW());
        int recordSize = be.convMaxPoolRecordSize(x.dtype(), g, filters, pool);
        Tensor record = Tensor.forOverwrite(x.device(), x.dtype(), recordSize);
        be.convMaxPool(g, filters, pool, xc.storage(), xc.offset(), wc.storage(), wc.offset(), bc.storage(),
                bc.offset(), y.storage(), record.storage());
        return y.recordedWithNewGradients("conv+relu+maxPool", gy -> {
            Tensor gc = gy.contiguous();
            ConvGrads d = ConvGrads.forInputsOf(x, W, b);
            be.convMaxPoolBackward(g, filters, pool, xc.storage(), xc.offset(), wc.storage(), wc.offset(), y.storage(),
                    record.storage(), gc.storage(), gc.offset(), d.dxStorage(), 0, d.dWStorage(), d.dbStorage());
            return d.inInputOrder();
        }, x, W, b);
    }
}
