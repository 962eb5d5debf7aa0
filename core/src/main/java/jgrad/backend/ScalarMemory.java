package jgrad.backend;

/**
 * The reference loops of the kernels that move numbers without arithmetic: row gathers and scatters
 * ({@link IndexingKernels}), strided copies, conversions and fills ({@link MemoryKernels}).
 */
final class ScalarMemory {

    private ScalarMemory() {
    }

    /** The reference of {@link Backend#gatherRows}. */
    static void gatherRows(int[] ids, int rowLen, Storage table, int tableOff, Storage out, int outOff) {
        for (int r = 0; r < ids.length; r++) {
            for (int j = 0; j < rowLen; j++) {
                out.set(outOff + r * rowLen + j, table.get(tableOff + ids[r] * rowLen + j));
            }
        }
    }

    /** The reference of {@link Backend#scatterAddRows}. */
    static void scatterAddRows(int[] ids, int count, int rowLen, Storage src, int srcOff, Storage table, int tableOff) {
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < rowLen; j++) {
                int t = tableOff + ids[r] * rowLen + j;
                table.set(t, table.get(t) + src.get(srcOff + r * rowLen + j));
            }
        }
    }

    /** The reference of {@link Backend#copy}. */
    static void copy(int[] shape, Storage src, int srcOff, int[] srcStrides, Storage dst, int dstOff) {
        int rank = shape.length;
        int total = 1;
        for (int d : shape) {
            total *= d;
        }
        if (rank == 1) {                                 // one run: no odometer to allocate
            for (int i = 0; i < total; i++) {
                dst.set(dstOff + i, src.get(srcOff + i * srcStrides[0]));
            }
            return;
        }
        int[] index = new int[rank];
        int s = srcOff;
        for (int flat = 0; flat < total; flat++) {
            dst.set(dstOff + flat, src.get(s));
            for (int d = rank - 1; d >= 0; d--) {        // odometer: advance the last axis, carry leftwards
                index[d]++;
                s += srcStrides[d];
                if (index[d] < shape[d]) {
                    break;
                }
                s -= srcStrides[d] * shape[d];
                index[d] = 0;
            }
        }
    }

    /** The reference of {@link Backend#convert}. */
    static void convert(int n, Storage src, int srcOff, Storage dst, int dstOff) {
        for (int i = 0; i < n; i++) {
            dst.set(dstOff + i, src.get(srcOff + i));
        }
    }

    /** The reference of {@link Backend#fill}. */
    static void fill(int n, Storage dst, int dstOff, double value) {
        for (int i = 0; i < n; i++) {
            dst.set(dstOff + i, value);
        }
    }
}
