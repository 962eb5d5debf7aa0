package jgrad.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import jgrad.io.ModelFiles;

/**
 * Saves the model after an epoch through {@link ModelFiles} (atomic writes, so a checkpoint is
 * never half-written). {@code {epoch}} in the path is replaced by the 1-based epoch number; with
 * {@code saveBestOnly}, only epochs that improve the monitored value (lower is better, higher for
 * names containing "acc" or "auc") are saved.
 */
public final class ModelCheckpoint implements Callback {

    private final String path;
    private final String monitor;
    private final boolean saveBestOnly;
    private double best;

    public ModelCheckpoint(String path, String monitor, boolean saveBestOnly) {
        this.path = path;
        this.monitor = monitor;
        this.saveBestOnly = saveBestOnly;
    }

    /** Saves after every epoch. */
    public ModelCheckpoint(String path) {
        this(path, "loss", false);
    }

    @Override
    public void onTrainBegin(KerasModel model) {
        best = higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, KerasModel model) {
        if (saveBestOnly) {
            Double v = logs.get(monitor);
            if (v == null) {
                throw new IllegalStateException("ModelCheckpoint monitors '" + monitor + "' but the logs hold "
                        + logs.keySet());
            }
            if (higherIsBetter() ? !(v > best) : !(v < best)) {
                return;
            }
            best = v;
        }
        Path target = Path.of(path.replace("{epoch}", String.valueOf(epoch + 1)));
        try {
            ModelFiles.save(model, target);
        } catch (IOException e) {
            throw new UncheckedIOException("ModelCheckpoint: saving epoch " + (epoch + 1) + " to " + target + " failed", e);
        }
    }

    private boolean higherIsBetter() {
        return monitor.contains("acc") || monitor.contains("auc");
    }
}
