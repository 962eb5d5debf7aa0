package jgrad.backend;

/**
 * The coefficients of one Adam update (see {@code jgrad.optim.Adam}), in the single form every backend
 * implements, element by element and in this order:
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g·g
 *   w ← w − (s·m) / (√v·r + ε),   s = lr / c₁,  r = 1 / √c₂
 * </pre>
 * which is (lr·m̂) / (√v̂ + ε) with m̂ = m / c₁ and v̂ = v / c₂, written so that the per-element work is one
 * division and one square root: s and r are rounded to the tensor's dtype once per step. The form with
 * m / c₁ and v / c₂ inside the loop took three divisions per element, which on a CPU are slow and made
 * Adam 13–20 % of an MLP's training step; the two differ by a few ulps.
 * A moment whose magnitude falls below the smallest normal number of its dtype is set to 0 (flush to zero, as a
 * CPU in that mode does): without it, a moment that decays with no gradient (a dead unit, an embedding row no batch
 * reads) spends thousands of steps among the subnormals, where each operation costs tens of times more (an MLP's
 * step was 60 % Adam for it), while moving its weight by less than 10⁻³⁰. PyTorch keeps subnormals, so the two can
 * differ in such weights by that much.
 * PyTorch's form has c₁ = 1 − β₁ᵗ and c₂ = 1 − β₂ᵗ. Keras's form, which adds ε before the bias
 * correction of v, is the same expression with lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) in place of lr and
 * c₁ = c₂ = 1 (then s = lr and r = 1, exactly), so one kernel serves both. Float tensors are updated in
 * float arithmetic, double tensors in double.
 */
public record AdamStep(double beta1, double beta2, double epsilon, double stepSize, double rootScale) {

    /*
     * s and r are the record's components, not computed from lr and the corrections on each call: a row-sparse
     * step calls the kernel once per looked-up row, and a division and a square root per row would cost about as
     * much as the row's update.
     */

    /** PyTorch's placement of ε at step t ≥ 1: s = lr / c₁, r = 1 / √c₂. */
    public static AdamStep pytorch(double lr, double beta1, double beta2, double epsilon, long t) {
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        return new AdamStep(beta1, beta2, epsilon, lr / c1, 1 / Math.sqrt(c2));
    }

    /** Keras's placement of ε (the paper's ε̂) at step t ≥ 1: s = lr·√c₂ / c₁, r = 1. */
    public static AdamStep keras(double lr, double beta1, double beta2, double epsilon, long t) {
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        return new AdamStep(beta1, beta2, epsilon, lr * Math.sqrt(c2) / c1, 1);
    }
}
