package jgrad.privacy.dp;

import jgrad.tensor.Tensor;

/**
 * Per-example squared gradient norms and clipped sums of a weight shared over positions, on the tensors' device.
 * Example i uses W at T positions, z_{i,t} = W a_{i,t} (a dense layer: T = 1; a convolution: its output pixels; a
 * recurrence: its steps), so its gradient is G_i = Σ_t g_{i,t} a_{i,t}ᵀ with g_{i,t} = ∂ℓ_i/∂z_{i,t}. A bias is a
 * trailing column of ones in a. The squared norm is taken without G_i when that is cheaper, by the "ghost
 * clipping" identity (Li et al. 2022, Bu et al. 2023)
 * <pre>
 *   ‖Σ_t g_t a_tᵀ‖² = Σ_{t,s} (a_t·a_s)(g_t·g_s)     (T² numbers instead of d_out·d_in)
 * </pre>
 * and the clipped sum Σ_i c_i G_i is one GEMM, (c ⊙ g)ᵀ a over all B·T rows.
 */
final class PerExample {

    private PerExample() {
    }

    /** ‖row r‖² of a [rows, cols] tensor, by the backend's {@code rowSquaredNorms}. */
    static Tensor rowSquaredNorms(Tensor x) {
        Tensor c = x.contiguous();
        int rows = c.shape(0);
        int cols = c.numel() / Math.max(1, rows);
        Tensor out = Tensor.zeros(c.device(), c.dtype(), rows);
        c.backend().rowSquaredNorms(rows, cols, c.storage(), c.offset(), out.storage(), out.offset());
        return out;
    }

    /**
     * ‖Σ_t g_{i,t} a_{i,t}ᵀ‖² per example [B] for a [B, T, k] and g [B, T, m]: ‖a_i‖²‖g_i‖² when T = 1, the ghost
     * identity when T² &lt; k·m, otherwise the per-example gradients [B, m, k] by one batched GEMM.
     */
    static Tensor sharedWeightSquaredNorms(Tensor a, Tensor g) {
        int batch = a.shape(0);
        int positions = a.shape(1);
        int k = a.shape(2);
        int m = g.shape(2);
        if (positions == 1) {
            return rowSquaredNorms(a.reshape(batch, k)).mul(rowSquaredNorms(g.contiguous().reshape(batch, m)));
        }
        if ((long) positions * positions < (long) k * m) {
            Tensor inputProducts = a.matmul(a, false, true);
            Tensor gradientProducts = g.matmul(g, false, true);
            return inputProducts.mul(gradientProducts).reshape(batch, positions * positions).sum(1, false);
        }
        return rowSquaredNorms(g.matmul(a, true, false).reshape(batch, m * k));
    }

    /** Σ_i c_i Σ_t g_{i,t} a_{i,t}ᵀ [m, k] for a [B, T, k], g [B, T, m] and the clipping factors c [B]. */
    static Tensor sharedWeightClippedSum(Tensor a, Tensor g, Tensor factors) {
        int rows = a.shape(0) * a.shape(1);
        Tensor scaled = g.mul(factors.reshape(a.shape(0), 1, 1)).reshape(rows, g.shape(2));
        return scaled.matmul(a.contiguous().reshape(rows, a.shape(2)), true, false);
    }

    /** a [B, T, k] with a trailing column of ones, [B, T, k + 1]: the input a bias sees. */
    static Tensor withOnes(Tensor a) {
        return Tensor.concat(2, a, Tensor.full(a.device(), a.dtype(), 1, a.shape(0), a.shape(1), 1));
    }

    /** Σ_i c_i p_i [d] for per-example rows p [B, d] and the factors c [B]. */
    static Tensor weightedRowSum(Tensor perExample, Tensor factors) {
        return factors.reshape(1, factors.numel()).matmul(perExample).reshape(perExample.shape(1));
    }
}
