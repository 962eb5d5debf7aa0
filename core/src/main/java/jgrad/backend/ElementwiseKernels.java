package jgrad.backend;

/**
 * Elementwise arithmetic: binary operators, activations and their derivatives, and the elementwise choice,
 * each over runs of contiguous elements (a binary operand may also broadcast one value).
 *
 * <p>One family of {@link Backend}'s kernels, implemented only through it (hence sealed): a default that
 * composes other kernels hands them the whole backend.
 */
public sealed interface ElementwiseKernels permits Backend {

    /**
     * out[outOff + i] = a[aOff + i·aStep] ∘ b[bOff + i·bStep] for i in [0, n); each step is 0
     * (broadcast one value) or 1. {@code out} may be the same storage as a or b at the same offset.
     */
    void binary(BinaryOp op, int n, Storage a, int aOff, int aStep, Storage b, int bOff, int bStep,
                Storage out, int outOff);

    /** out[i] = f(x[i]) for n contiguous elements; {@code alpha} as documented on {@link UnaryOp}. */
    void unary(UnaryOp op, int n, Storage x, int xOff, Storage out, int outOff, double alpha);

    /**
     * dx[i] = g[i] · f'(x[i]), for n contiguous elements, where y = f(x) is the forward output
     * (the derivative is taken from whichever of x and y is cheaper, see {@link UnaryOp}).
     */
    void unaryBackward(UnaryOp op, int n, Storage x, int xOff, Storage y, int yOff, Storage g, int gOff,
                       Storage dx, int dxOff, double alpha);

    /**
     * out[outOff + i] = cond[cOff + i] != 0 ? a[aOff + i] : b[bOff + i] for n contiguous elements.
     * A choice, not arithmetic, so infinities and NaN in the branch not taken do not leak through.
     */
    void where(int n, Storage cond, int cOff, Storage a, int aOff, Storage b, int bOff, Storage out, int outOff);
}
