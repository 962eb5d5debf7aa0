package jgrad.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.metrics.ClassificationMetrics;
import jgrad.tensor.Tensor;
import jgrad.train.Callback;
import jgrad.train.KerasModel;

/**
 * After each epoch of a classifier's fit: the training seconds of that epoch (the test evaluation is
 * timed apart, so seconds per epoch compare with other engines' training loops) and the process's CPU
 * seconds in it (on a shared machine the wall time also counts other programs' turns), the training
 * loss and the test accuracy, on one line.
 */
final class EpochReport implements Callback {

    private final ImageTensors.Evaluation test;
    private final PrintStream out;
    private final List<Double> seconds = new ArrayList<>();
    private final List<Double> accuracies = new ArrayList<>();
    private final List<Double> cpuSeconds = new ArrayList<>();
    private ExampleReport hook = ExampleReport.off();
    private int[] lastPredictions = new int[0];
    private int epochs;
    private long mark;
    private long cpuMark;

    EpochReport(ImageTensors.Evaluation test, PrintStream out) {
        this.test = test;
        this.out = out;
    }

    /** Records each epoch's training loss and test accuracy in {@code report} too. */
    EpochReport recording(ExampleReport report) {
        this.hook = report;
        return this;
    }

    @Override
    public void onTrainBegin(KerasModel model) {
        mark = System.nanoTime();
        cpuMark = ProcessCpu.nanos();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, KerasModel model) {
        double trainSeconds = (System.nanoTime() - mark) / 1e9;
        double trainCpu = (ProcessCpu.nanos() - cpuMark) / 1e9;
        Tensor logits = model.predict(test.pixels());
        int classes = logits.shape(-1);
        lastPredictions = ClassificationMetrics.argmaxRows(logits.toFloatArray(), classes);
        double accuracy = ClassificationMetrics.accuracy(lastPredictions, test.labels());
        seconds.add(trainSeconds);
        cpuSeconds.add(trainCpu);
        accuracies.add(accuracy);
        epochs = epoch + 1;
        out.printf(Locale.ROOT, "epoch %d  train %.1f s (CPU %.1f s)  loss %.4f  test accuracy %.4f%n", epochs,
                trainSeconds, trainCpu, logs.get("loss"), accuracy);
        out.flush();
        Map<String, Double> logged = new java.util.LinkedHashMap<>();
        logged.put("loss", logs.get("loss"));
        logged.put("test_accuracy", accuracy);
        hook.epoch("", epochs, logged);
        mark = System.nanoTime();
        cpuMark = ProcessCpu.nanos();
    }

    void printSummary() {
        double total = seconds.stream().mapToDouble(Double::doubleValue).sum();
        double cpu = cpuSeconds.stream().mapToDouble(Double::doubleValue).sum();
        int n = Math.max(1, epochs);
        out.printf(Locale.ROOT, "done      %d epochs, %.2f s per training epoch (mean; CPU %.2f s of %d processors),"
                + " final test accuracy %.4f%n", epochs, total / n, cpu / n, Runtime.getRuntime().availableProcessors(),
                lastAccuracy());
    }

    /** The test images' predicted classes after the last epoch, and their labels. */
    int[] lastPredictions() {
        return lastPredictions.clone();
    }

    int[] testLabels() {
        return test.labels().clone();
    }

    List<Double> accuracies() {
        return List.copyOf(accuracies);
    }

    List<Double> seconds() {
        return List.copyOf(seconds);
    }

    double lastAccuracy() {
        return accuracies.isEmpty() ? Double.NaN : accuracies.getLast();
    }
}
