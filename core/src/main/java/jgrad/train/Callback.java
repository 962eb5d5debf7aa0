package jgrad.train;

import java.util.Map;

/** Hooks into {@code fit}; stop training with {@link KerasModel#stopTraining()}. */
public interface Callback {

    default void onTrainBegin(KerasModel model) {
    }

    /** After each epoch (0-based), with the logs of that epoch ("loss", "val_loss", metric names). */
    default void onEpochEnd(int epoch, Map<String, Double> logs, KerasModel model) {
    }

    default void onTrainEnd(KerasModel model) {
    }
}
