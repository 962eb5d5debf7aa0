package jgrad.backend;

/**
 * Layer normalization of rows, with its backward.
 *
 * <p>One family of {@link Backend}'s kernels, implemented only through it (hence sealed): a default that
 * composes other kernels hands them the whole backend.
 */
public sealed interface NormalizationKernels permits Backend {

    /**
     * Layer normalization of {@code rows} rows of d (x contiguous from xOff), with γ, β [d] from offset 0:
     * <pre>
     *   μ = (1/d) Σ_k x_k,   r = 1 / √((1/d) Σ_k (x_k − μ)² + ε),   y_k = γ_k (x_k − μ) r + β_k
     * </pre>
     * y [rows, d], μ and r [rows] written from offset 0 (μ and r are what the backward needs). Unless a backend
     * fuses it, this is {@link LayerNormSteps}'s composition.
     */
    default void layerNormForward(int rows, int d, double eps, Storage x, int xOff, Storage gamma, Storage beta,
                                  Storage y, Storage mean, Storage rstd) {
        LayerNormSteps.forward((Backend) this, rows, d, eps, x, xOff, gamma, beta, y, mean, rstd);
    }

    /**
     * The backward of {@link #layerNormForward} from dy [rows, d] (from offset 0): with x̂ = (x − μ) r and
     * g = dy ⊙ γ per row,
     * <pre>
     *   dx = r (g − mean(g) − x̂ · mean(g ⊙ x̂)),   dγ = Σ_rows dy ⊙ x̂,   dβ = Σ_rows dy
     * </pre>
     * written (not added) to dx [rows, d], dγ and dβ [d], all from offset 0.
     */
    default void layerNormBackward(int rows, int d, Storage x, int xOff, Storage gamma, Storage mean, Storage rstd,
                                   Storage dy, Storage dx, Storage dGamma, Storage dBeta) {
        LayerNormSteps.backward((Backend) this, rows, d, x, xOff, gamma, mean, rstd, dy, dx, dGamma, dBeta);
    }
}
