package jgrad.optim;

import jgrad.autograd.Autograd;
import jgrad.tensor.Tensor;

/**
 * The max-norm constraint on a weight matrix's rows (Hinton et al. 2012; Srivastava et al. 2014; the
 * "l2 constraint" s = 3 of Kim 2014 on his output layer; Keras's {@code max_norm}): after an update, each
 * row wᵢ of W [rows, cols] is projected back into the ball of radius c,
 * <pre>
 *   wᵢ ← wᵢ · c / max(‖wᵢ‖₂, c)
 * </pre>
 * so a row longer than c is rescaled to length c and a shorter one is left as it is. For a {@code Dense}
 * layer (W [out, in]) a row holds the weights into one output unit: for a classifier, one class.
 * Computed with tensor ops on the weight's device, outside autograd, and written back in place.
 */
public final class MaxNorm {

    private MaxNorm() {
    }

    /** Rescales in place every row of the matrix {@code w} whose L2 norm exceeds {@code maxNorm}. */
    public static void apply(Tensor w, double maxNorm) {
        Optimizer.checkPositive("max-norm radius", maxNorm);
        if (w.rank() != 2) {
            throw new IllegalArgumentException("MaxNorm: the weight must be a matrix [rows, cols], got rank " + w.rank());
        }
        try (var ignored = Autograd.noGrad()) {
            Tensor norms = w.mul(w).sum(1, true).sqrt();                      // [rows, 1]
            Tensor scale = norms.clamp(maxNorm, Double.POSITIVE_INFINITY).pow(-1).mul(maxNorm);
            w.copyFrom(w.mul(scale));
        }
    }
}
