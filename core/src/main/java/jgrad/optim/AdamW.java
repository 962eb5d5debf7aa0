package jgrad.optim;

import jgrad.backend.UnaryOp;

/**
 * Adam with decoupled weight decay λ (Loshchilov &amp; Hutter 2019), PyTorch's form:
 * <pre>
 *   w ← w − lr·λ·w          (before the Adam step, on the elements being updated)
 *   then the {@link Adam} step
 * </pre>
 * Unlike an L2 {@link Regularizer}, the decay does not pass through m and v, so it is not
 * rescaled by √v̂. With row-sparse gradients every row decays unless the optimizer is {@link Optimizer#lazy lazy}.
 * The decay is the backend's {@link UnaryOp#SCALE} by 1 − lr·λ (the SIMD backend rounds that factor to
 * float for a float tensor, the scalar one multiplies in double and rounds the product).
 */
public final class AdamW extends Adam {

    private final double weightDecay;

    /** PyTorch's defaults: β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0.01. */
    public AdamW(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8, 0.01);
    }

    public AdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        super(learningRate, beta1, beta2, epsilon, false);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("AdamW weight decay must be >= 0 and finite, got " + weightDecay);
        }
        this.weightDecay = weightDecay;
    }

    @Override
    void beforeUpdate(Slot s, double lr, int pOff, int n) {
        var w = s.param.storage();
        s.param.backend().unary(UnaryOp.SCALE, n, w, pOff, w, pOff, 1 - lr * weightDecay);
    }
}
