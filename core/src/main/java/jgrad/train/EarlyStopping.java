package jgrad.train;

import java.util.Map;

/**
 * Stops training when a monitored value (default "val_loss") has not improved by more than {@code minDelta}
 * for {@code patience} epochs:
 * <pre>
 *   improved(v) = v &gt; best + minDelta (higher is better)  or  v &lt; best − minDelta (lower is better)
 *   wait = epochs since the best one;  stop when wait ≥ patience
 * </pre>
 * With {@code restoreBestWeights}, the weights of the best epoch are copied back when training ends (into
 * buffers allocated once, at the first improvement). The best epoch is the first one with the best value.
 * As a {@link Callback} it follows one {@code fit}; a loop that runs its own epochs (one fit each, e.g. on fresh
 * negatives) calls {@link #reset}, {@link #update} per epoch and {@link #restoreBest} itself.
 */
public final class EarlyStopping implements Callback {

    private final String monitor;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBestWeights;
    private final boolean higherIsBetter;

    private double best;
    private int bestEpoch;
    private int wait;
    private final WeightsSnapshot snapshot = new WeightsSnapshot();

    /**
     * Lower is better, except for names containing "acc" or "auc" (higher is better); other monitors whose
     * higher values are better (a hit rate) say so with {@link #EarlyStopping(String, boolean, int, double, boolean)}.
     */
    public EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBestWeights) {
        this(monitor, monitor.contains("acc") || monitor.contains("auc"), patience, minDelta, restoreBestWeights);
    }

    public EarlyStopping(String monitor, boolean higherIsBetter, int patience, double minDelta,
            boolean restoreBestWeights) {
        if (patience < 0 || !(minDelta >= 0)) {
            throw new IllegalArgumentException("EarlyStopping: patience and minDelta must be >= 0, got "
                    + patience + " and " + minDelta);
        }
        this.monitor = monitor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBestWeights = restoreBestWeights;
        this.higherIsBetter = higherIsBetter;
        reset();
    }

    /** Monitors val_loss with the given patience and restores the best weights. */
    public EarlyStopping(int patience) {
        this("val_loss", patience, 0, true);
    }

    /** The name of the monitored value in the logs. */
    public String monitor() {
        return monitor;
    }

    /** Forgets the best value: the start of a run. */
    public void reset() {
        best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        bestEpoch = -1;
        wait = 0;
    }

    /**
     * Records the monitored value of epoch {@code epoch} (0-based), taking a snapshot of the weights at an
     * improvement when the best weights are to be restored; true when the patience is used up.
     */
    public boolean update(int epoch, double value, KerasModel model) {
        boolean improved = higherIsBetter ? value > best + minDelta : value < best - minDelta;
        if (improved) {
            best = value;
            bestEpoch = epoch;
            wait = 0;
            if (restoreBestWeights) {
                snapshot.take(model);
            }
            return false;
        }
        return ++wait >= patience;
    }

    /** Copies the weights of the best epoch back into {@code model}, when they were kept. */
    public void restoreBest(KerasModel model) {
        if (restoreBestWeights && snapshot.isTaken()) {
            snapshot.restore(model);
        }
    }

    @Override
    public void onTrainBegin(KerasModel model) {
        reset();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, KerasModel model) {
        Double value = logs.get(monitor);
        if (value == null) {
            throw new IllegalStateException("EarlyStopping monitors '" + monitor + "' but the logs hold "
                    + logs.keySet() + " (is there validation data?)");
        }
        if (update(epoch, value, model)) {
            model.stopTraining();
        }
    }

    @Override
    public void onTrainEnd(KerasModel model) {
        restoreBest(model);
    }

    /** The epoch (0-based) with the best monitored value, or −1. */
    public int bestEpoch() {
        return bestEpoch;
    }

    public double best() {
        return best;
    }
}
