package jgrad.backend;

/**
 * Rows picked by id: the lookups of embedding tables, the scatter that sends their gradients back, and the
 * dot products of rows with looked-up rows that score a next item.
 *
 * <p>One family of {@link Backend}'s kernels, implemented only through it (hence sealed): a default that
 * composes other kernels hands them the whole backend.
 */
public sealed interface IndexingKernels permits Backend {

    /** Copies rows: out[r] = table[ids[r]] for rows of {@code rowLen}; ids are checked by the caller. */
    void gatherRows(int[] ids, int rowLen, Storage table, int tableOff, Storage out, int outOff);

    /**
     * Adds rows back: table[ids[r]] += src[r] for r in [0, count); repeated ids accumulate. A count rather than
     * ids.length, so that ids may live in a longer array a step's arena lends again (a row gradient's distinct ids).
     */
    void scatterAddRows(int[] ids, int count, int rowLen, Storage src, int srcOff, Storage table, int tableOff);

    /**
     * Dot products of rows with gathered rows: out[r] = Σ_j h[r, j] · table[ids[r], j] for r in [0, ids.length),
     * rows of {@code rowLen} (a next-item model's score of item ids[r] at position r). The default composes
     * the backend's own kernels ({@link ComposedGatherDot}).
     */
    default void gatherDot(int[] ids, int rowLen, Storage h, int hOff, Storage table, int tableOff, Storage out,
                           int outOff) {
        ComposedGatherDot.forward((Backend) this, ids, rowLen, h, hOff, table, tableOff, out, outOff);
    }

    /**
     * The backward of {@link #gatherDot} from g = ∂L/∂out: dh[r] = g[r] · table[ids[r]] and the gradient rows of
     * the table, dRows[r] = g[r] · h[r] (for the caller to add at ids[r]).
     */
    default void gatherDotBackward(int[] ids, int rowLen, Storage g, int gOff, Storage h, int hOff, Storage table,
                                   int tableOff, Storage dh, int dhOff, Storage dRows, int dRowsOff) {
        ComposedGatherDot.backward((Backend) this, ids, rowLen, g, gOff, h, hOff, table, tableOff, dh, dhOff, dRows,
                dRowsOff);
    }
}
