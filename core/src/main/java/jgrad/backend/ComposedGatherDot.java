package jgrad.backend;

/**
 * {@link Backend#gatherDot} and its backward composed from a backend's gather, elementwise product and sum:
 * the scalar reference (run on {@link ScalarBackend}'s kernels), what CUDA runs, and what the SIMD backend's
 * fused kernel must equal bit for bit on the SIMD kernels (it rounds and sums in the same order).
 */
final class ComposedGatherDot {

    private ComposedGatherDot() {
    }

    /** Gathers the rows into scratch, multiplies by h in place, sums each row. */
    static void forward(Backend be, int[] ids, int rowLen, Storage h, int hOff, Storage table, int tableOff,
                        Storage out, int outOff) {
        int n = ids.length * rowLen;
        Storage rows = be.allocateForOverwrite(h.dtype(), n);
        be.gatherRows(ids, rowLen, table, tableOff, rows, 0);
        be.binary(BinaryOp.MUL, n, rows, 0, 1, h, hOff, 1, rows, 0);
        be.reduce(ReduceOp.SUM, ids.length, rowLen, 1, rows, 0, out, outOff);
    }

    /** dh: the gathered rows scaled by g[r]; dRows: h's rows scaled by g[r], one row at a time. */
    static void backward(Backend be, int[] ids, int rowLen, Storage g, int gOff, Storage h, int hOff, Storage table,
                         int tableOff, Storage dh, int dhOff, Storage dRows, int dRowsOff) {
        be.gatherRows(ids, rowLen, table, tableOff, dh, dhOff);
        for (int r = 0; r < ids.length; r++) {
            int at = r * rowLen;
            be.binary(BinaryOp.MUL, rowLen, dh, dhOff + at, 1, g, gOff + r, 0, dh, dhOff + at);
            be.binary(BinaryOp.MUL, rowLen, h, hOff + at, 1, g, gOff + r, 0, dRows, dRowsOff + at);
        }
    }
}
