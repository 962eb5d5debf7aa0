package jgrad.backend;

/**
 * The coefficients of one SGD update (see {@code jgrad.optim.SGD}), in the form every backend implements,
 * element by element and in this order, with b the momentum buffer:
 * <pre>
 *   b ← μ·b + g                              (only when μ &gt; 0)
 *   d = g + μ·b  if Nesterov,  d = b  else   (d = g when μ = 0)
 *   w ← w − lr·d
 * </pre>
 * The arithmetic is in double whatever the storage's dtype, rounded once on each store; d uses b
 * before that rounding (the rule as the optimizer wrote it when it looped over the elements itself).
 */
public record SgdStep(double lr, double momentum, boolean nesterov) {

    public SgdStep {
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("SgdStep: Nesterov momentum needs momentum > 0");
        }
    }

    /** Whether the rule keeps a momentum buffer. */
    public boolean hasMomentum() {
        return momentum > 0;
    }
}
