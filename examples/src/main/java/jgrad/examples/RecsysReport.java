package jgrad.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jgrad.recsys.LeaveOneOutTraining;
import jgrad.train.Callback;
import jgrad.train.KerasModel;

/**
 * One line per epoch of a recommender's training: the training seconds of the epoch (the test evaluation
 * is timed apart, so seconds per epoch compare with other engines' training loops), the logs of fit and
 * the test metrics. It follows a {@code fit} as a callback, or a {@link LeaveOneOutTraining} as its listener.
 */
final class RecsysReport implements Callback {

    private final String label;
    private final int epochs;
    private final Function<KerasModel, Map<String, Double>> test;
    private final PrintStream out;
    private final List<Double> seconds = new ArrayList<>();
    private ExampleReport hook = ExampleReport.off();
    private long mark;

    /** A report of a leave-one-out training, whose epochs come with their ranking. */
    RecsysReport(String label, int epochs, PrintStream out) {
        this(label, epochs, m -> Map.of(), out);
    }

    /** A report of a fit, with {@code test} evaluated after each epoch. */
    RecsysReport(String label, int epochs, Function<KerasModel, Map<String, Double>> test, PrintStream out) {
        this.label = label;
        this.epochs = epochs;
        this.test = test;
        this.out = out;
    }

    /** Records each epoch's logs in {@code report} too, as run {@code label} (trimmed). */
    RecsysReport recording(ExampleReport report) {
        this.hook = report;
        return this;
    }

    @Override
    public void onTrainBegin(KerasModel model) {
        mark = System.nanoTime();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, KerasModel model) {
        double trainSeconds = (System.nanoTime() - mark) / 1e9;
        Map<String, Double> all = new LinkedHashMap<>(logs);
        all.putAll(test.apply(model));
        print(trainSeconds, all);
        hook.epoch(label.strip(), seconds.size(), all);
        mark = System.nanoTime();
    }

    /** An epoch of a {@link LeaveOneOutTraining}. */
    void epoch(LeaveOneOutTraining.Epoch e) {
        print(e.trainSeconds(), e.logs());
        hook.epoch(label.strip(), seconds.size(), heldOut(e.logs()));
    }

    private void print(double trainSeconds, Map<String, Double> logs) {
        seconds.add(trainSeconds);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%sepoch %d/%d  train %.2f s", label,
                seconds.size(), epochs, trainSeconds));
        logs.forEach((k, v) -> line.append(String.format(Locale.ROOT, "  %s %.4f", k, v)));
        out.println(line);
        out.flush();
    }

    /** The ranking metrics of a leave-one-out epoch are measured on the held-out items: test values. */
    private static Map<String, Double> heldOut(Map<String, Double> logs) {
        Map<String, Double> out = new LinkedHashMap<>();
        logs.forEach((k, v) -> out.put(k.equals("loss") || k.startsWith("val_") || k.startsWith("test_") ? k
                : "test_" + k, v));
        return out;
    }

    int epochsRun() {
        return seconds.size();
    }

    double secondsPerEpoch() {
        return seconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
