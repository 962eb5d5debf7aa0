package jgrad.optim;

import jgrad.backend.SgdStep;
import jgrad.backend.Storage;

/**
 * Stochastic gradient descent, with optional momentum μ and Nesterov momentum (PyTorch's form):
 * <pre>
 *   b ← μ·b + g                      (b starts at 0; without momentum b is not kept)
 *   d = g + μ·b   if Nesterov,  else d = b   (d = g without momentum)
 *   w ← w − lr·d
 * </pre>
 * Keras's form v ← μ·v − lr·g, w ← w + v is the same sequence of weights while lr is constant.
 * The arithmetic is the backend's ({@link SgdStep}).
 */
public final class SGD extends Optimizer {

    private final double momentum;
    private final boolean nesterov;
    private SgdStep step;

    public SGD(double learningRate) {
        this(learningRate, 0, false);
    }

    public SGD(double learningRate, double momentum, boolean nesterov) {
        super(learningRate);
        checkFraction("SGD momentum", momentum);
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("SGD: Nesterov momentum needs momentum > 0");
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    protected int stateBuffers() {
        return momentum > 0 ? 1 : 0;
    }

    @Override
    protected void update(Slot s, double lr, int pOff, Storage g, int gOff, int n) {
        s.param.backend().sgd(n, s.param.storage(), pOff, momentum > 0 ? s.state[0] : null, g, gOff,
                coefficients(lr));
    }

    /** The step's coefficients, made once per learning rate: a lazy step calls update once per row. */
    private SgdStep coefficients(double lr) {
        if (step == null || step.lr() != lr) {
            step = new SgdStep(lr, momentum, nesterov);
        }
        return step;
    }
}
