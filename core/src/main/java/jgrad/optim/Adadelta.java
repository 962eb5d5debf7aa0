package jgrad.optim;

import jgrad.backend.Storage;

/**
 * Adadelta (Zeiler, "ADADELTA: An Adaptive Learning Rate Method", 2012, Algorithm 1), the optimizer of Kim
 * (2014)'s sentence CNN. Two running means, of the squared gradients s and of the squared updates u, both
 * starting at 0:
 * <pre>
 *   s ← ρ·s + (1 − ρ)·g²
 *   Δ ← (√(u + ε) / √(s + ε))·g        (RMS of past updates over RMS of gradients: the units of w)
 *   u ← ρ·u + (1 − ρ)·Δ²
 *   w ← w − lr·Δ
 * </pre>
 * Zeiler's rule is lr = 1; PyTorch's {@code torch.optim.Adadelta} adds lr (default 1.0) and computes in this
 * order. {@link #kim()} is Kim's setting: ρ = 0.95, ε = 1e-6. A zero gradient still decays s and u, so with
 * row-sparse gradients every row moves (the exact rule) unless the optimizer is {@link Optimizer#lazy lazy}.
 * The arithmetic is the backend's ({@link jgrad.backend.Backend#adadelta}).
 */
public final class Adadelta extends Optimizer {

    private final double rho;
    private final double epsilon;

    /** PyTorch's defaults: lr = 1, ρ = 0.9, ε = 1e-6. */
    public Adadelta() {
        this(1.0, 0.9, 1e-6);
    }

    public Adadelta(double learningRate, double rho, double epsilon) {
        super(learningRate);
        checkFraction("Adadelta rho", rho);
        checkPositive("Adadelta epsilon", epsilon);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    /** Kim (2014)'s setting (his Theano code): lr = 1, ρ = 0.95, ε = 1e-6. */
    public static Adadelta kim() {
        return new Adadelta(1.0, 0.95, 1e-6);
    }

    public double rho() {
        return rho;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    protected int stateBuffers() {
        return 2;
    }

    @Override
    protected void update(Slot s, double lr, int pOff, Storage g, int gOff, int n) {
        s.param.backend().adadelta(n, s.param.storage(), pOff, s.state[0], s.state[1], g, gOff, lr, rho, epsilon);
    }
}
