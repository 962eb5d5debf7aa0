package jgrad.kernels;

import jgrad.autograd.OpRecord;
import jgrad.backend.Backend;
import jgrad.backend.ConvGeometry;
import jgrad.tensor.Tensor;

/**
 * {@link ConvKernel}'s 1-d convolution on signals laid out channels last, x [B, L, C] (an embedding lookup's
 * layout), as one recorded op: z [B, C_out, outW] = act(W ⋆ x + b) by {@link Backend#convRowsForward}, the
 * backward by {@link Backend#convRowsBackward}. It spares the layer the copy of x to channels first, and lets
 * a backend read each window of x in place.
 */
public final class ConvRowsKernel {

    private ConvRowsKernel() {
    }

    /** z [B, C_out, outW] for x [B, L, C], W [C_out, C, k], b [C_out] and the 1-d geometry g (x as [B, C, 1, L]). */
    public static Tensor run(Tensor x, Tensor W, Tensor b, ConvGeometry g, boolean relu) {
        int filters = W.shape(0);
        Tensor xc = x.contiguous();
        Tensor wc = W.contiguous();
        Tensor bc = b.contiguous();
        Backend be = xc.backend();
        Tensor z = Tensor.forOverwrite(x.device(), x.dtype(), g.batch(), filters, g.outW());
        be.convRowsForward(g, filters, relu, xc.storage(), xc.offset(), wc.storage(), wc.offset(), bc.storage(),
                bc.offset(), z.storage(), 0);
        return z.recordedAs(relu ? "conv1d-rows+relu" : "conv1d-rows", OpRecord.newGradients(gz -> {
            Tensor gc = gz.contiguous();
            Tensor dW = W.requiresGrad() ? Tensor.forOverwrite(x.device(), x.dtype(), W.shape()) : null;
            Tensor db = b.requiresGrad() ? Tensor.forOverwrite(x.device(), x.dtype(), b.shape()) : null;
            Tensor dx = x.requiresGrad() ? Tensor.forOverwrite(x.device(), x.dtype(), x.shape()) : null;
            be.convRowsBackward(g, filters, relu, xc.storage(), xc.offset(), wc.storage(), wc.offset(), z.storage(),
                    0, gc.storage(), gc.offset(), dx == null ? null : dx.storage(), 0,
                    dW == null ? null : dW.storage(), db == null ? null : db.storage());
            return new Tensor[] {dx, dW, db};
        }), x, W, b);
    }
}
