package jgrad.optim;

import jgrad.backend.Storage;

/**
 * RMSprop (Hinton's lecture 6e):
 * <pre>
 *   v ← ρ·v + (1 − ρ)·g²     (v starts at 0)
 *   w ← w − lr·g / (√v + ε)
 * </pre>
 * PyTorch's defaults: ρ = 0.99, ε = 1e-8 ({@link #RMSprop(double)}); Keras's: lr = 0.001, ρ = 0.9,
 * ε = 1e-7 ({@link #keras}). With row-sparse gradients v of every row decays unless the optimizer is {@link Optimizer#lazy lazy}.
 */
public final class RMSprop extends Optimizer {

    private final double rho;
    private final double epsilon;

    public RMSprop(double learningRate) {
        this(learningRate, 0.99, 1e-8);
    }

    public RMSprop(double learningRate, double rho, double epsilon) {
        super(learningRate);
        checkFraction("RMSprop rho", rho);
        checkPositive("RMSprop epsilon", epsilon);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    /** Keras's defaults: lr = 0.001, ρ = 0.9, ε = 1e-7. */
    public static RMSprop keras() {
        return new RMSprop(1e-3, 0.9, 1e-7);
    }

    @Override
    protected int stateBuffers() {
        return 1;
    }

    @Override
    protected void update(Slot s, double lr, int pOff, Storage g, int gOff, int n) {
        s.param.backend().rmsprop(n, s.param.storage(), pOff, s.state[0], g, gOff, lr, rho, epsilon);
    }
}
