package jgrad.kernels;

import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * The buffers a convolution's backward writes: dx, dW and db for each of x, W and b that needs a gradient, null
 * for the others (the backends skip a null gradient).
 */
record ConvGrads(Tensor dx, Tensor dW, Tensor db) {

    /** The buffers on x's device and in x's dtype (the op's inputs share them). */
    static ConvGrads forInputsOf(Tensor x, Tensor W, Tensor b) {
        return new ConvGrads(buffer(x, x), buffer(W, x), buffer(b, x));
    }

    /** A buffer of t's shape, if t needs a gradient. */
    private static Tensor buffer(Tensor t, Tensor x) {
        return t.requiresGrad() ? Tensor.forOverwrite(x.device(), x.dtype(), t.shape()) : null;
    }

    Storage dxStorage() {
        return dx == null ? null : dx.storage();
    }

    Storage dWStorage() {
        return dW == null ? null : dW.storage();
    }

    Storage dbStorage() {
        return db == null ? null : db.storage();
    }

    /** The gradients in the order of the op's inputs (x, W, b). */
    Tensor[] inInputOrder() {
        return new Tensor[] {dx, dW, db};
    }
}
