package jgrad.backend;

/**
 * {@link Backend#convRowsForward} and its backward composed from a backend's kernels, for a backend without a
 * pass of its own (the scalar reference, CUDA): x [B, L, C] is copied to channels first, xᵀ [B, C, L], the
 * convolution of {@link Backend#convForward} runs on it, and dx comes back from [B, C, L] the same way. The
 * arithmetic is exactly convForward's and convBackward's; only the two layout copies are added.
 */
final class ComposedConvRows {

    private ComposedConvRows() {
    }

    static void forward(Backend be, ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w,
                        int wOff, Storage b, int bOff, Storage z, int zOff) {
        Storage xt = channelsFirst(be, g, x, xOff);
        be.convForward(g, filters, relu, xt, 0, w, wOff, b, bOff, z, zOff);
    }

    static void backward(Backend be, ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w,
                         int wOff, Storage z, int zOff, Storage dz, int dzOff, Storage dx, int dxOff, Storage dW,
                         Storage db) {
        Storage xt = channelsFirst(be, g, x, xOff);
        Storage dxt = dx == null ? null : be.allocateForOverwrite(dx.dtype(), g.inputSize());
        be.convBackward(g, filters, relu, xt, 0, w, wOff, z, zOff, dz, dzOff, dxt, 0, dW, db);
        if (dx != null) {
            // dx[n, t, c] = dxᵀ[n, c, t]: walk dxᵀ with strides (C·L, 1, L) in the order (n, t, c).
            int c = g.channels(), l = g.width();
            be.copy(new int[] {g.batch(), l, c}, dxt, 0, new int[] {c * l, 1, l}, dx, dxOff);
        }
    }

    /** xᵀ[n, c, t] = x[n, t, c]: x walked with strides (L·C, 1, C) in the order (n, c, t). */
    private static Storage channelsFirst(Backend be, ConvGeometry g, Storage x, int xOff) {
        int c = g.channels(), l = g.width();
        Storage xt = be.allocateForOverwrite(x.dtype(), g.inputSize());
        be.copy(new int[] {g.batch(), c, l}, x, xOff, new int[] {l * c, 1, c}, xt, 0);
        return xt;
    }
}
