package jgrad.optim;

/**
 * The learning rate as a function of the optimizer step t = 0, 1, 2, … (Keras's convention:
 * schedules count steps, not epochs; for a per-epoch schedule give sizes in epochs × steps per epoch).
 */
@FunctionalInterface
public interface LearningRateSchedule {

    double rate(long step);

    /** Step decay: lr = lr₀ · γ^⌊t / stepSize⌋ (PyTorch's StepLR). */
    static LearningRateSchedule step(double initial, long stepSize, double gamma) {
        Optimizer.checkPositive("initial learning rate", initial);
        checkSteps("step size", stepSize);
        Optimizer.checkPositive("gamma", gamma);
        return t -> initial * Math.pow(gamma, Math.floorDiv(t, stepSize));
    }

    /**
     * Exponential decay: lr = lr₀ · r^(t / decaySteps), with ⌊t / decaySteps⌋ when {@code staircase}
     * (Keras's ExponentialDecay).
     */
    static LearningRateSchedule exponential(double initial, long decaySteps, double decayRate, boolean staircase) {
        Optimizer.checkPositive("initial learning rate", initial);
        checkSteps("decay steps", decaySteps);
        Optimizer.checkPositive("decay rate", decayRate);
        return t -> initial * Math.pow(decayRate, staircase ? Math.floorDiv(t, decaySteps) : (double) t / decaySteps);
    }

    /**
     * Cosine decay to a floor α·lr₀ over {@code decaySteps}, constant after (Keras's CosineDecay):
     * lr = lr₀ · ((1 − α)·½(1 + cos(π·min(t, T)/T)) + α).
     */
    static LearningRateSchedule cosine(double initial, long decaySteps, double alpha) {
        Optimizer.checkPositive("initial learning rate", initial);
        checkSteps("decay steps", decaySteps);
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("cosine decay alpha must be in [0, 1], got " + alpha);
        }
        return t -> {
            double progress = (double) Math.min(t, decaySteps) / decaySteps;
            return initial * ((1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * progress)) + alpha);
        };
    }

    private static void checkSteps(String what, long steps) {
        if (steps <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, got " + steps);
        }
    }
}
