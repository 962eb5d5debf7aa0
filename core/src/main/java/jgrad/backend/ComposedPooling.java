package jgrad.backend;

/**
 * {@link Backend#maxPool} and its backward composed from a backend's generic kernels, for a backend
 * without a fused pass (CUDA): the windows as the column matrix [C, taps, B·P] of {@link Backend#im2col}
 * (P = outH·outW), reduced over the taps, and laid out again as [B, C, P]. Slower than a fused pass (the
 * column matrix is taps times the output), but every step runs on the backend's own device.
 */
final class ComposedPooling {

    private ComposedPooling() {
    }

    static void maxPool(Backend be, ConvGeometry g, Storage x, int xOff, Storage y, int yOff) {
        int bp = g.positions();
        Storage cols = be.allocate(y.dtype(), g.patchSize() * bp);
        be.im2col(g, Double.NEGATIVE_INFINITY, x, xOff, cols, 0);
        Storage byChannel = be.allocate(y.dtype(), g.channels() * bp);
        be.reduce(ReduceOp.MAX, g.channels(), g.kh() * g.kw(), bp, cols, 0, byChannel, 0);
        toImageMajor(be, g, byChannel, y, yOff);
    }

    /**
     * mask = (window entry == its maximum), t = Σ_taps mask, dcols = mask · dy / t, dx = col2im(dcols). The
     * padding is read as NaN, which equals nothing, so only taps inside x can tie.
     */
    static void maxPoolBackward(Backend be, ConvGeometry g, Storage x, int xOff, Storage y, int yOff, Storage dy,
                                int dyOff, Storage dx, int dxOff) {
        DType dt = dx.dtype();
        int bp = g.positions();
        int taps = g.kh() * g.kw();
        Storage cols = be.allocate(dt, g.patchSize() * bp);
        be.im2col(g, Double.NaN, x, xOff, cols, 0);
        Storage yT = toChannelMajor(be, g, y, yOff);
        Storage share = toChannelMajor(be, g, dy, dyOff);
        for (int c = 0; c < g.channels(); c++) {
            for (int t = 0; t < taps; t++) {
                int row = (c * taps + t) * bp;
                be.binary(BinaryOp.EQ, bp, cols, row, 1, yT, c * bp, 1, cols, row);
            }
        }
        Storage ties = be.allocate(dt, g.channels() * bp);
        be.reduce(ReduceOp.SUM, g.channels(), taps, bp, cols, 0, ties, 0);
        be.binary(BinaryOp.DIV, g.channels() * bp, share, 0, 1, ties, 0, 1, share, 0);
        for (int c = 0; c < g.channels(); c++) {
            for (int t = 0; t < taps; t++) {
                int row = (c * taps + t) * bp;
                be.binary(BinaryOp.MUL, bp, cols, row, 1, share, c * bp, 1, cols, row);
            }
        }
        be.col2im(g, cols, 0, dx, dxOff);
    }

    /** y[n, c, q] = m[c, n·P + q]. */
    private static void toImageMajor(Backend be, ConvGeometry g, Storage m, Storage y, int yOff) {
        int p = g.outH() * g.outW();
        be.copy(new int[] {g.batch(), g.channels(), p}, m, 0, new int[] {p, g.positions(), 1}, y, yOff);
    }

    /** m[c, n·P + q] = y[n, c, q]. */
    private static Storage toChannelMajor(Backend be, ConvGeometry g, Storage y, int yOff) {
        int p = g.outH() * g.outW();
        Storage m = be.allocate(y.dtype(), g.channels() * g.positions());
        be.copy(new int[] {g.channels(), g.batch(), p}, y, yOff, new int[] {p, g.channels() * p, 1}, m, 0);
        return m;
    }
}
