package jgrad.backend;

/**
 * {@link Backend#convMaxPool} and its backward as the composition of the two ops it fuses, for a backend
 * without a fused pass (the scalar reference, CUDA): the convolution with its ReLU ({@link Backend#convForward})
 * into the record, which is then the whole output z [batch, filters, outH, outW], and the max pooling of z; the
 * backward sends dy back through the pooling ({@link Backend#maxPoolBackward}) and then through the convolution.
 */
final class ComposedConvPool {

    private ComposedConvPool() {
    }

    /** The record is z: batch · filters · outH · outW elements. */
    static int recordSize(ConvGeometry g, int filters) {
        return g.batch() * filters * g.outH() * g.outW();
    }

    static void forward(Backend be, ConvGeometry g, int filters, ConvGeometry pool, Storage x, int xOff, Storage w,
                        int wOff, Storage b, int bOff, Storage y, Storage record) {
        be.convForward(g, filters, true, x, xOff, w, wOff, b, bOff, record, 0);
        be.maxPool(pool, record, 0, y, 0);
    }

    static void backward(Backend be, ConvGeometry g, int filters, ConvGeometry pool, Storage x, int xOff, Storage w,
                         int wOff, Storage y, Storage record, Storage dy, int dyOff, Storage dx, int dxOff, Storage dW,
                         Storage db) {
        Storage dz = be.allocateForOverwrite(dy.dtype(), recordSize(g, filters));
        be.maxPoolBackward(pool, record, 0, y, 0, dy, dyOff, dz, 0);
        be.convBackward(g, filters, true, x, xOff, w, wOff, record, 0, dz, 0, dx, dxOff, dW, db);
    }
}
