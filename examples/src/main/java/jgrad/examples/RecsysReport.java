package jgrad.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jgrad.train.Callback;
import jgrad.train.KerasModel;

/**
 * One line per epoch of a recommender's training: the training seconds of the epoch (the test evaluation
 * is timed apart, so seconds per epoch compare with other engines' training loops), the logs of fit and
 * the test metrics. Epochs are counted here, so one report can follow several one-epoch fits (fresh
 * negatives per epoch).
 */
final class RecsysReport implements Callback {

    private final String label;
    private final int epochs;
    private final Function<KerasModel, Map<String, Double>> test;
    private final PrintStream out;
    private final List<Double> seconds = new ArrayList<>();
    private final List<Map<String, Double>> results = new ArrayList<>();
    private long mark;

    RecsysReport(String label, int epochs, Function<KerasModel, Map<String, Double>> test, PrintStream out) {
        this.label = label;
        this.epochs = epochs;
        this.test = test;
        this.out = out;
    }

    @Override
    public void onTrainBegin(KerasModel model) {
        mark = System.nanoTime();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, KerasModel model) {
        double trainSeconds = (System.nanoTime() - mark) / 1e9;
        Map<String, Double> metrics = new LinkedHashMap<>(test.apply(model));
        seconds.add(trainSeconds);
        results.add(metrics);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%sepoch %d/%d  train %.2f s", label,
                results.size(), epochs, trainSeconds));
        logs.forEach((k, v) -> line.append(String.format(Locale.ROOT, "  %s %.4f", k, v)));
        metrics.forEach((k, v) -> line.append(String.format(Locale.ROOT, "  %s %.4f", k, v)));
        out.println(line);
        out.flush();
        mark = System.nanoTime();
    }

    int epochsRun() {
        return results.size();
    }

    double secondsPerEpoch() {
        return seconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The test metric {@code name} of each epoch. */
    List<Double> history(String name) {
        return results.stream().map(m -> m.get(name)).toList();
    }

    /** The 0-based epoch with the highest (or lowest) value of {@code name}. */
    int bestEpoch(String name, boolean higherIsBetter) {
        List<Double> h = history(name);
        int best = 0;
        for (int e = 1; e < h.size(); e++) {
            if (higherIsBetter ? h.get(e) > h.get(best) : h.get(e) < h.get(best)) {
                best = e;
            }
        }
        return best;
    }
}
