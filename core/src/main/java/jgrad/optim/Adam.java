package jgrad.optim;

import jgrad.autograd.RowGrad;
import jgrad.backend.AdamStep;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

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
 * The arithmetic is the backend's ({@link AdamStep}): float tensors in float, as in PyTorch.
 * With row-sparse gradients every row's m and v still decay (the dense rule), unless the optimizer is
 * {@link Optimizer#lazy lazy}: then m and v of rows not looked up stay as they were (LazyAdam).
 */
public class Adam extends Optimizer {

    final double beta1;
    final double beta2;
    final double epsilon;
    final boolean epsilonHat;
    private AdamStep step;
    private long stepT;
    private double stepLr;

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
        beforeUpdate(s, lr, pOff, n);
        s.param.backend().adam(n, s.param.storage(), pOff, s.state[0], s.state[1], g, gOff, coefficients(lr, s.t));
    }

    /** Every row in one kernel: the looked-up ones with their gradient, the others with their moments decaying. */
    @Override
    protected boolean updateRows(Slot s, double lr, RowGrad rows, int rowLen, Storage dense) {
        Tensor p = s.param;
        beforeUpdate(s, lr, p.offset(), p.numel());
        rows.adamStep(p.shape(0), rowLen, p.storage(), p.offset(), s.state[0], s.state[1], coefficients(lr, s.t), dense);
        return true;
    }

    /** The step's coefficients, computed once per (lr, t): a lazy step calls update once per row. */
    private AdamStep coefficients(double lr, long t) {
        if (step == null || t != stepT || lr != stepLr) {
            step = epsilonHat ? AdamStep.keras(lr, beta1, beta2, epsilon, t) : AdamStep.pytorch(lr, beta1, beta2, epsilon, t);
            stepT = t;
            stepLr = lr;
        }
        return step;
    }

    /** A hook run on the elements about to be updated, before the moments (AdamW's decay). */
    void beforeUpdate(Slot s, double lr, int pOff, int n) {
    }
}
