package jgrad.optim;

import jgrad.tensor.Storage;

/**
 * Adam (Kingma &amp; Ba 2015), with bias correction, at step t = 1, 2, …:
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)
 *   w ← w − lr·m̂ / (√v̂ + ε)                          PyTorch's form (default, ε = 1e-8)
 *   w ← w − lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε)     Keras's form ({@link #keras}, ε = 1e-7)
 * </pre>
 * The two forms differ only in where ε enters (Keras adds it before the bias correction of v, the
 * "ε̂" of the paper's §2); both are available so that either framework's runs can be reproduced.
 * With row-sparse gradients the update is lazy (see {@link Optimizer}): m and v of rows not looked
 * up stay as they were.
 */
public class Adam extends Optimizer {

    final double beta1;
    final double beta2;
    final double epsilon;
    final boolean epsilonHat;

    /** PyTorch's defaults: β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8, false);
    }

    /**
     * @param epsilonHat true for Keras's placement of ε (added to √v before bias correction)
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon, boolean epsilonHat) {
        super(learningRate);
        checkFraction("Adam beta1", beta1);
        checkFraction("Adam beta2", beta2);
        checkPositive("Adam epsilon", epsilon);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.epsilonHat = epsilonHat;
    }

    /** Keras's defaults: lr = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-7, Keras's placement of ε. */
    public static Adam keras() {
        return keras(1e-3);
    }

    public static Adam keras(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-7, true);
    }

    @Override
    protected int stateBuffers() {
        return 2;
    }

    @Override
    protected void update(Slot s, double lr, int pOff, Storage g, int gOff, int n) {
        Storage w = s.param.storage();
        Storage m = s.state[0];
        Storage v = s.state[1];
        double c1 = 1 - Math.pow(beta1, s.t);
        double c2 = 1 - Math.pow(beta2, s.t);
        double keraslr = lr * Math.sqrt(c2) / c1;
        beforeUpdate(s, lr, pOff, n);
        for (int i = 0; i < n; i++) {
            int p = pOff + i;
            double gi = gradient(s, g, gOff + i, p);
            double mi = beta1 * m.get(p) + (1 - beta1) * gi;
            double vi = beta2 * v.get(p) + (1 - beta2) * gi * gi;
            m.set(p, mi);
            v.set(p, vi);
            double delta = epsilonHat
                    ? keraslr * mi / (Math.sqrt(vi) + epsilon)
                    : lr * (mi / c1) / (Math.sqrt(vi / c2) + epsilon);
            w.set(p, w.get(p) - delta);
        }
    }

    /** A hook run on the elements about to be updated, before the moments (AdamW's decay). */
    void beforeUpdate(Slot s, double lr, int pOff, int n) {
    }
}
