package jgrad.backend;

/**
 * Reductions along an axis, and the softmax that normalizes rows by their maximum and their sum.
 *
 * <p>One family of {@link Backend}'s kernels, implemented only through it (hence sealed): a default that
 * composes other kernels hands them the whole backend.
 */
public sealed interface ReductionKernels permits Backend {

    /**
     * Reduces a contiguous block viewed as [outer, len, inner] along its middle axis:
     * out[o·inner + i] = reduce over j of x[xOff + (o·len + j)·inner + i]. len ≥ 1 for MAX.
     */
    void reduce(ReduceOp op, int outer, int len, int inner, Storage x, int xOff, Storage out, int outOff);

    /**
     * Softmax (or log-softmax) of each of {@code rows} contiguous rows of {@code cols} values,
     * max-subtracted so that no exponent overflows.
     */
    void softmax(int rows, int cols, Storage x, int xOff, Storage y, int yOff, boolean log);

    /**
     * The backward of {@link #softmax}, from its output y and upstream g, per row:
     * softmax: dx = y ⊙ (g − Σ g⊙y); log-softmax: dx = g − eʸ · Σ g.
     */
    void softmaxBackward(int rows, int cols, Storage y, int yOff, Storage g, int gOff, Storage dx, int dxOff,
                         boolean log);
}
