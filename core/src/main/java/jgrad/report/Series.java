package jgrad.report;

import java.util.Arrays;

/**
 * One named series of (x, y) points of a line plot, drawn in order. A reference series (a random ranking's
 * diagonal, a baseline) is drawn dashed and grey so that it reads as a yardstick, not a result.
 */
public record Series(String name, double[] x, double[] y, boolean reference) {

    public Series {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a series needs a name");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values for " + y.length
                    + " y values");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has no points");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("series '" + name + "': point " + i + " (" + x[i] + ", " + y[i]
                        + ") is not finite");
            }
        }
        x = x.clone();
        y = y.clone();
    }

    public static Series of(String name, double[] x, double[] y) {
        return new Series(name, x, y, false);
    }

    public static Series reference(String name, double[] x, double[] y) {
        return new Series(name, x, y, true);
    }

    /** y against 1, 2, …, n: a per-epoch history, say. */
    public static Series indexed(String name, double[] y) {
        double[] x = new double[y.length];
        Arrays.setAll(x, i -> i + 1);
        return of(name, x, y);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    int size() {
        return x.length;
    }

    double xAt(int i) {
        return x[i];
    }

    double yAt(int i) {
        return y[i];
    }
}
