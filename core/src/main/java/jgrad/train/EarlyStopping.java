package jgrad.train;

import java.util.Map;

/**
 * Stops {@code fit} when a monitored value (default "val_loss") has not improved by more than
 * {@code minDelta} for {@code patience} epochs. With {@code restoreBestWeights}, the weights of the
 * best epoch are copied back when training ends (into buffers allocated once, at the first
 * improvement). Lower is better, except for names containing "acc" or "auc" (higher is better).
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

    public EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBestWeights) {
        if (patience < 0 || !(minDelta >= 0)) {
            throw new IllegalArgumentException("EarlyStopping: patience and minDelta must be >= 0, got "
                    + patience + " and " + minDelta);
        }
        this.monitor = monitor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBestWeights = restoreBestWeights;
        this.higherIsBetter = monitor.contains("acc") || monitor.contains("auc");
    }

    /** Monitors val_loss with the given patience and restores the best weights. */
    public EarlyStopping(int patience) {
        this("val_loss", patience, 0, true);
    }

    @Override
    public void onTrainBegin(KerasModel model) {
        best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        bestEpoch = -1;
        wait = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, KerasModel model) {
        Double value = logs.get(monitor);
        if (value == null) {
            throw new IllegalStateException("EarlyStopping monitors '" + monitor + "' but the logs hold "
                    + logs.keySet() + " (is there validation data?)");
        }
        boolean improved = higherIsBetter ? value > best + minDelta : value < best - minDelta;
        if (improved) {
            best = value;
            bestEpoch = epoch;
            wait = 0;
            if (restoreBestWeights) {
                snapshot.take(model);
            }
        } else if (++wait >= patience) {
            model.stopTraining();
        }
    }

    @Override
    public void onTrainEnd(KerasModel model) {
        if (restoreBestWeights && snapshot.isTaken()) {
            snapshot.restore(model);
        }
    }

    /** The epoch (0-based) with the best monitored value, or −1. */
    public int bestEpoch() {
        return bestEpoch;
    }

    public double best() {
        return best;
    }
}
