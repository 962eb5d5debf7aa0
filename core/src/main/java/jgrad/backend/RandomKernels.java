package jgrad.backend;

/**
 * Random draws made from counters rather than a stream: the dropout mask and Gaussian noise, the same on every
 * device and for any split of the range for the same seed and offset.
 *
 * <p>One family of {@link Backend}'s kernels, implemented only through it (hence sealed): a default that
 * composes other kernels hands them the whole backend.
 */
public sealed interface RandomKernels permits Backend {

    /**
     * The inverted-dropout mask of n elements: out[outOff + i] = 1/(1 − p) where
     * {@link jgrad.random.Philox#dropoutKeeps Philox.dropoutKeeps(seed, offset + i, p)}, else 0. A
     * counter-based draw, so every backend and device gives the same mask for the same seed and offset.
     */
    void dropoutMask(int n, long seed, long offset, double p, Storage out, int outOff);

    /**
     * Adds Gaussian noise: out[outOff + i] += std · {@code jgrad.random.ZigguratNormal.gaussian(seed, offset + i)},
     * the same draws on every device and for any split of the range.
     */
    default void addGaussian(int n, long seed, long offset, double std, Storage out, int outOff) {
        throw new UnsupportedOperationException("the " + ((Backend) this).name()
                + " backend has no addGaussian kernel (DP-SGD)");
    }
}
