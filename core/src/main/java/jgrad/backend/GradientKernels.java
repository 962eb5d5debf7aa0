package jgrad.backend;

/**
 * What is done to gradients before an update: the L1/L2 penalty's gradient, clipping to a global norm, and
 * differentially private training's (DP-SGD) per-example norms and clipping factors.
 *
 * <p>One family of {@link Backend}'s kernels, implemented only through it (hence sealed): a default that
 * composes other kernels hands them the whole backend.
 */
public sealed interface GradientKernels permits Backend {

    /**
     * The gradient of an L1/L2 penalty R(w) = l1·Σ|wᵢ| + l2·Σwᵢ² added to g, for n elements:
     * <pre>
     *   out = g + (l1·sign(w) + (2·l2)·w)        sign(0) = 0, sign(NaN) = NaN
     * </pre>
     * {@code out} may be g at the same offset.
     */
    void penaltyGradient(int n, Storage w, int wOff, Storage g, int gOff, Storage out, int outOff, double l1,
            double l2);

    /**
     * acc[accOff] += Σᵢ x[xOff + i]², summed in double: {@code acc} is an F64 storage on this backend's
     * device whatever x's dtype (a running sum over several tensors, e.g. the gradients of a model).
     */
    void sumOfSquares(int n, Storage x, int xOff, Storage acc, int accOff);

    /**
     * Scales n elements in place to a norm: with N = √sumSq[sOff] (an F64 storage on this device,
     * e.g. from {@link #sumOfSquares}), x ← x·(maxNorm / N) when N &gt; maxNorm, else x is left as it is.
     * The factor is computed where the sum lives, so clipping needs no transfer to the host.
     */
    void clipToNorm(int n, Storage x, int xOff, Storage sumSq, int sOff, double maxNorm);

    /**
     * Per-example squared norms: out[outOff + r] = Σ_c x[xOff + r·cols + c]² for each of {@code rows} rows
     * (x row-major [rows, cols]); out is overwritten. DP-SGD's per-example gradient norms are built from these
     * (a dense layer's per-example gradient δᵢ aᵢᵀ has squared norm ‖δᵢ‖²·‖aᵢ‖²).
     */
    default void rowSquaredNorms(int rows, int cols, Storage x, int xOff, Storage out, int outOff) {
        throw new UnsupportedOperationException("the " + ((Backend) this).name()
                + " backend has no rowSquaredNorms kernel (DP-SGD)");
    }

    /**
     * Per-example clipping factors: out[outOff + r] = min(1, C / √sumSq[sOff + r]) (1 where the norm is 0), so
     * that scaling example r's gradient by it clips its norm to at most C (Abadi et al. 2016).
     */
    default void clipFactors(int rows, Storage sumSq, int sOff, double maxNorm, Storage out, int outOff) {
        throw new UnsupportedOperationException("the " + ((Backend) this).name()
                + " backend has no clipFactors kernel (DP-SGD)");
    }
}
