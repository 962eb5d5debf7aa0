package jgrad.report.figures;

import java.util.List;

import jgrad.report.HeatMap;

/** Figures of a classifier with several classes. */
public final class ClassFigures {

    private ClassFigures() {
    }

    /**
     * The confusion matrix: cell (r, c) counts the examples of actual class r predicted as class c, so the
     * diagonal holds the right answers. Labels are 0 … {@code classes.size()} − 1.
     */
    public static String confusion(int[] actual, int[] predicted, List<String> classes, String title) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("confusion matrix '" + title + "': " + actual.length + " actual labels but "
                    + predicted.length + " predictions");
        }
        int n = classes.size();
        double[][] counts = new double[n][n];
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || actual[i] >= n || predicted[i] < 0 || predicted[i] >= n) {
                throw new IllegalArgumentException("confusion matrix '" + title + "': example " + i + " has label "
                        + actual[i] + " and prediction " + predicted[i] + ", outside 0 … " + (n - 1));
            }
            counts[actual[i]][predicted[i]]++;
        }
        return HeatMap.of(title, "actual class (examples)", classes, "predicted class", classes, counts).svg();
    }
}
