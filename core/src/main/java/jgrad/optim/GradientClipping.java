package jgrad.optim;

import java.util.Collection;

import jgrad.autograd.RowGrad;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * Clipping by global norm: with N = √(Σ over all parameters of Σ gᵢ²) (dense gradients and the
 * touched rows of row-sparse ones), every gradient is scaled by min(1, maxNorm / N), so the
 * direction of the whole update is kept and only its length is limited.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /** The global L2 norm of the gradients of {@code params} (parameters without gradient count 0). */
    public static double globalNorm(Collection<Tensor> params) {
        double sumSq = 0;
        for (Tensor p : params) {
            sumSq += sumOfSquares(p.grad());
            RowGrad rows = p.rowGrad();
            sumSq += rows == null ? 0 : sumOfSquares(rows.rows());
        }
        return Math.sqrt(sumSq);
    }

    /**
     * Scales the gradients in place so that their global norm is at most {@code maxNorm}.
     * Returns the norm before clipping (as PyTorch's clip_grad_norm_ does), useful to log.
     */
    public static double clipGlobalNorm(Collection<Tensor> params, double maxNorm) {
        Optimizer.checkPositive("clipping norm", maxNorm);
        double norm = globalNorm(params);
        if (norm > maxNorm) {
            double scale = maxNorm / norm;
            for (Tensor p : params) {
                scale(p.grad(), scale);
                RowGrad rows = p.rowGrad();
                scale(rows == null ? null : rows.rows(), scale);
            }
        }
        return norm;
    }

    private static double sumOfSquares(Tensor g) {
        if (g == null) {
            return 0;
        }
        Tensor c = g.contiguous();
        Storage s = c.storage();
        double sum = 0;
        for (int i = 0; i < c.numel(); i++) {
            double v = s.get(c.offset() + i);
            sum += v * v;
        }
        return sum;
    }

    // Gradients are owned by their parameter (backward writes fresh contiguous tensors), so in place is safe.
    private static void scale(Tensor g, double factor) {
        if (g == null) {
            return;
        }
        if (!g.isContiguous()) {
            throw new IllegalStateException("clipGlobalNorm: a gradient of shape " + java.util.Arrays.toString(g.shape())
                    + " is a non-contiguous view and cannot be scaled in place");
        }
        Storage s = g.storage();
        for (int i = 0; i < g.numel(); i++) {
            s.set(g.offset() + i, s.get(g.offset() + i) * factor);
        }
    }
}
