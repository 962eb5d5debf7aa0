package jgrad.optim;

import java.util.Collection;

import jgrad.tensor.Tensor;

/**
 * L1 and L2 weight penalties, with Keras's meaning of the coefficients:
 * <pre>
 *   R(w)    = l1·Σ|wᵢ| + l2·Σwᵢ²
 *   ∂R/∂wᵢ  = l1·sign(wᵢ) + 2·l2·wᵢ
 * </pre>
 * An {@link Optimizer} adds ∂R/∂w to the gradient as it updates (so the graph does not grow), through
 * the backend's {@code penaltyGradient} kernel;
 * {@link #penalty} gives R for reporting or for adding to a loss by hand. PyTorch's
 * {@code weight_decay = λ} is the L2 case with l2 = λ/2. With row-sparse gradients every row is
 * penalized at every step unless the optimizer is {@link Optimizer#lazy lazy}.
 */
public record Regularizer(double l1, double l2) {

    public static final Regularizer NONE = new Regularizer(0, 0);

    public Regularizer {
        if (!(l1 >= 0) || !(l2 >= 0) || Double.isInfinite(l1) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("regularizer coefficients must be >= 0 and finite, got l1 = "
                    + l1 + ", l2 = " + l2);
        }
    }

    public static Regularizer l1(double l1) {
        return new Regularizer(l1, 0);
    }

    public static Regularizer l2(double l2) {
        return new Regularizer(0, l2);
    }

    /** ∂R/∂w at one weight; sign(0) = 0. */
    public double derivative(double w) {
        return l1 * Math.signum(w) + 2 * l2 * w;
    }

    /** R summed over the given tensors (a differentiable scalar in the first tensor's dtype). */
    public Tensor penalty(Collection<Tensor> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("Regularizer.penalty: no weights given");
        }
        Tensor total = null;
        for (Tensor w : weights) {
            Tensor r = w.abs().sum().mul(l1).add(w.mul(w).sum().mul(l2));
            total = total == null ? r : total.add(r.to(total.dtype()));
        }
        return total;
    }
}
