package jgrad.optim;

import jgrad.backend.Storage;

/**
 * Adagrad (Duchi et al. 2011):
 * <pre>
 *   s ← s + g²            (s starts at the initial accumulator value)
 *   w ← w − lr·g / (√s + ε)
 * </pre>
 * PyTorch's defaults: initial accumulator 0, ε = 1e-10 ({@link #Adagrad(double)}); Keras's: 0.1 and
 * 1e-7 ({@link #keras}). A zero gradient changes neither s nor w, so with row-sparse
 * gradients updating the looked-up rows only is already the exact rule. The arithmetic is the
 * backend's ({@link jgrad.backend.Backend#adagrad}).
 */
public final class Adagrad extends Optimizer {

    private final double initialAccumulator;
    private final double epsilon;

    public Adagrad(double learningRate) {
        this(learningRate, 0, 1e-10);
    }

    public Adagrad(double learningRate, double initialAccumulator, double epsilon) {
        super(learningRate);
        if (!(initialAccumulator >= 0)) {
            throw new IllegalArgumentException("Adagrad initial accumulator must be >= 0, got " + initialAccumulator);
        }
        checkPositive("Adagrad epsilon", epsilon);
        this.initialAccumulator = initialAccumulator;
        this.epsilon = epsilon;
    }

    /** Keras's defaults: lr = 0.001, initial accumulator 0.1, ε = 1e-7. */
    public static Adagrad keras() {
        return new Adagrad(1e-3, 0.1, 1e-7);
    }

    @Override
    protected boolean zeroGradientIsNoOp() {
        return true;
    }

    @Override
    protected int stateBuffers() {
        return 1;
    }

    @Override
    protected void initState(int index, Storage buffer) {
        buffer.device().backend().fill(buffer.length(), buffer, 0, initialAccumulator);
    }

    @Override
    protected void update(Slot s, double lr, int pOff, Storage g, int gOff, int n) {
        s.param.backend().adagrad(n, s.param.storage(), pOff, s.state[0], g, gOff, lr, epsilon);
    }
}
