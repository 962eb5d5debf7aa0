package jgrad.report.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.report.Axis;
import jgrad.report.LinePlot;
import jgrad.report.Series;

/**
 * Learning curves of one or more training runs, recorded epoch by epoch: whatever a run logs after an epoch
 * ({@code loss}, {@code val_loss}, {@code test_rmse}, {@code hr@10}, …). {@link #plots} draws one plot per
 * quantity, where a quantity is a log name without its {@code val_} or {@code test_} prefix, so that a run's
 * training, validation and test values of the same quantity share a plot; one series per run and split.
 * Epochs are numbered from 1 as recorded, so runs evaluated every few epochs plot at the right place.
 */
public final class EpochCurves {

    private final Map<String, Map<Integer, Map<String, Double>>> runs = new LinkedHashMap<>();

    /** Records the logs of {@code epoch} (1-based) of {@code run} ("" for a command's only run). */
    public void epoch(String run, int epoch, Map<String, Double> logs) {
        if (epoch < 1) {
            throw new IllegalArgumentException("epochs are numbered from 1, got " + epoch);
        }
        runs.computeIfAbsent(run, r -> new LinkedHashMap<>()).put(epoch, new LinkedHashMap<>(logs));
    }

    public boolean isEmpty() {
        return runs.isEmpty();
    }

    /** The recorded values of {@code name} in {@code run}: {epochs, values}, in the order recorded. */
    public double[][] values(String run, String name) {
        List<double[]> points = new ArrayList<>();
        runs.getOrDefault(run, Map.of()).forEach((epoch, logs) -> {
            Double v = logs.get(name);
            if (v != null && Double.isFinite(v)) {
                points.add(new double[] {epoch, v});
            }
        });
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }

    /** One plot per quantity, titled "{@code title}: QUANTITY per epoch", in the order quantities first appear. */
    public List<String> plots(String title) {
        Map<String, List<String>> namesByQuantity = new LinkedHashMap<>();
        runs.values().forEach(epochs -> epochs.values().forEach(logs -> logs.keySet().forEach(name -> {
            List<String> names = namesByQuantity.computeIfAbsent(quantity(name), q -> new ArrayList<>());
            if (!names.contains(name)) {
                names.add(name);
            }
        })));
        List<String> plots = new ArrayList<>();
        namesByQuantity.forEach((quantity, names) -> {
            LinePlot plot = LinePlot.titled(title + ": " + quantity + " per epoch")
                    .x(Axis.of("epoch", "passes over the training data").counting())
                    .y(Axis.of(quantity, unit(quantity)));
            int points = 0;
            for (String run : runs.keySet()) {
                for (String name : names) {
                    double[][] xy = values(run, name);
                    if (xy[0].length > 0) {
                        plot.add(Series.of(seriesName(run, name), xy[0], xy[1]));
                        points = Math.max(points, xy[0].length);
                    }
                }
            }
            if (points > 0) {
                plots.add(plot.markers(points <= 40).svg());
            }
        });
        return plots;
    }

    private static String quantity(String name) {
        return name.startsWith("val_") ? name.substring(4) : name.startsWith("test_") ? name.substring(5) : name;
    }

    private static String split(String name) {
        return name.startsWith("val_") ? "validation" : name.startsWith("test_") ? "test" : "training";
    }

    private static String seriesName(String run, String name) {
        return run.isEmpty() ? split(name) : run + ", " + split(name);
    }

    private static String unit(String quantity) {
        if (quantity.toLowerCase(java.util.Locale.ROOT).startsWith("hr@")) {
            return "share of users whose held-out item is in the top k";
        }
        return switch (quantity.toLowerCase(java.util.Locale.ROOT)) {
            case "loss" -> "per example, averaged";
            case "log loss" -> "nats per example";
            case "rmse", "mae" -> "stars";
            case "accuracy" -> "share of examples";
            case "auc" -> "chance a positive outranks a negative";
            default -> "";
        };
    }
}
