package jgrad.autograd;

import jgrad.backend.Arena;
import jgrad.tensor.Tensor;

/**
 * The gradient a leaf has accumulated: dense, row-sparse, or both (a table read by a gather and by
 * something else). Outside an {@link Arena} the first dense gradient is kept (copied, or handed over
 * when nothing else references it) and later ones summed into a new tensor. Inside one, the gradient
 * outlives the step's memory: it goes into a buffer made outside the arena and kept from step to
 * step ({@link #clear} forgets the gradient, not the buffer), as PyTorch keeps {@code .grad}.
 */
public final class LeafGrad {

    private Tensor dense;
    private Tensor kept;
    private RowGrad rows;

    /** The dense gradient so far, or null. */
    public Tensor dense() {
        return dense;
    }

    /** The row-sparse gradient so far, or null. */
    public RowGrad rows() {
        return rows;
    }

    /** Forgets both gradients (the kept buffer stays for the next step). */
    public void clear() {
        dense = null;
        rows = null;
    }

    /** Adds the gradient rows g[i] of rows ids[i]. */
    public void addRows(int[] ids, Tensor g) {
        RowGrad add = RowGrad.of(ids, g);
        rows = rows == null ? add : rows.plus(add);
    }

    /**
     * Adds g, the gradient of a leaf on g's device. {@code handOver}: the caller gives up a contiguous
     * g that nothing else references, so the first one need not be copied.
     */
    public void add(Tensor g, boolean handOver) {
        if (Arena.isActive()) {
            addKeptInPlace(g);
        } else if (dense != null) {
            dense = dense.add(g);
        } else {
            dense = handOver ? g : g.copy();
        }
    }

    private void addKeptInPlace(Tensor g) {
        if (dense == null) {
            if (kept == null || kept.device() != g.device() || kept.dtype() != g.dtype() || !kept.sameShape(g)) {
                kept = Arena.outside(() -> Tensor.zeros(g.device(), g.dtype(), g.shape()));
            }
            kept.copyFrom(g);
            dense = kept;
        } else if (dense == kept) {
            InPlace.add(dense, g);
        } else {
            Tensor sum = dense;
            dense = Arena.outside(() -> sum.add(g));
        }
    }
}
