package jgrad.backend;

/**
 * Numbers moved without arithmetic: strided copies into contiguous buffers, dtype conversion and fills.
 *
 * <p>One family of {@link Backend}'s kernels, implemented only through it (hence sealed): a default that
 * composes other kernels hands them the whole backend.
 */
public sealed interface MemoryKernels permits Backend {

    /**
     * Copies a strided view into a contiguous buffer: dst[dstOff + flat(i)] = src[srcOff + Σ i_d·srcStrides[d]],
     * over every index i of {@code shape} in row-major order.
     */
    void copy(int[] shape, Storage src, int srcOff, int[] srcStrides, Storage dst, int dstOff);

    /**
     * dst[dstOff + i] = src[srcOff + i] for n elements, converted to dst's dtype (F64 → F32 rounds to
     * nearest, as a Java cast does).
     */
    void convert(int n, Storage src, int srcOff, Storage dst, int dstOff);

    /** dst[dstOff + i] = value for n elements. */
    void fill(int n, Storage dst, int dstOff, double value);
}
