package jgrad.report.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jgrad.report.Axis;
import jgrad.report.LinePlot;
import jgrad.report.Series;
import jgrad.train.History;

/** Training and validation curves from a {@link History}: one plot per quantity, its {@code val_} twin beside it. */
public final class TrainingFigures {

    private TrainingFigures() {
    }

    /**
     * One plot per logged quantity that is not a validation value ("loss", "auc", …), each with its training
     * series and, when logged, its validation series ("val_loss", …), against the epoch.
     */
    public static List<String> curves(History history, String title) {
        List<String> plots = new ArrayList<>();
        Map<String, List<Double>> logs = history.asMap();
        for (String key : logs.keySet()) {
            if (key.startsWith("val_")) {
                continue;
            }
            LinePlot plot = LinePlot.titled(title + ": " + key + " per epoch")
                    .x(Axis.of("epoch", "passes over the training rows").counting())
                    .y(Axis.of(key, key.equals("loss") ? "per example, averaged" : "on the epoch's rows"))
                    .markers(history.epochs() <= 40)
                    .add(Series.indexed("training", values(logs.get(key))));
            if (logs.containsKey("val_" + key)) {
                plot.add(Series.indexed("validation", values(logs.get("val_" + key))));
            }
            plots.add(plot.svg());
        }
        return plots;
    }

    private static double[] values(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
