package jgrad.synth;

import java.util.Arrays;
import java.util.List;

import jgrad.data.csv.Table;

/**
 * Distance to closest record (DCR), a privacy check of synthetic rows: for each row, the smallest distance to a
 * real training row, where the distance between two rows is the mean over columns of |x − y| / (max − min of the
 * training column) for a number and [x ≠ y] for a category (a Gower distance, in [0, 1]). Synthetic rows that copy
 * training rows have DCR 0; real held-out rows show how close a fresh row from the same population comes.
 */
public final class ClosestRecords {

    /** Summary of the DCRs of a set of rows: their median, 5th percentile, minimum and how many are exact copies. */
    public record Summary(double median, double percentile5, double minimum, int copies, int rows) {
    }

    private final double[][] trainNumeric;
    private final String[][] trainCategorical;
    private final double[] range;
    private final List<String> numeric;
    private final List<String> categorical;

    /** Indexes the training rows over the given columns. */
    public ClosestRecords(Table train, List<String> numeric, List<String> categorical) {
        this.numeric = List.copyOf(numeric);
        this.categorical = List.copyOf(categorical);
        trainNumeric = numericColumns(train);
        trainCategorical = categoricalColumns(train);
        range = new double[numeric.size()];
        for (int c = 0; c < range.length; c++) {
            double lo = Arrays.stream(trainNumeric[c]).min().orElse(0);
            double hi = Arrays.stream(trainNumeric[c]).max().orElse(0);
            range[c] = hi > lo ? hi - lo : 1;
        }
    }

    /** Each row's distance to its closest training row. */
    public double[] distances(Table rows) {
        double[][] xs = numericColumns(rows);
        String[][] cs = categoricalColumns(rows);
        int columns = numeric.size() + categorical.size();
        int trainRows = trainCategorical.length > 0 ? trainCategorical[0].length : trainNumeric[0].length;
        double[] out = new double[rows.rowCount()];
        for (int r = 0; r < out.length; r++) {
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trainRows && best > 0; t++) {
                double d = 0;
                for (int c = 0; c < cs.length && d < best * columns; c++) {
                    d += cs[c][r].equals(trainCategorical[c][t]) ? 0 : 1;
                }
                for (int c = 0; c < xs.length && d < best * columns; c++) {
                    d += Math.abs(xs[c][r] - trainNumeric[c][t]) / range[c];
                }
                best = Math.min(best, d / columns);
            }
            out[r] = best;
        }
        return out;
    }

    /** The summary of the rows' distances to the training rows. */
    public Summary summarize(Table rows) {
        double[] d = distances(rows);
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        int copies = (int) Arrays.stream(d).filter(v -> v == 0).count();
        return new Summary(quantile(sorted, 0.5), quantile(sorted, 0.05), sorted[0], copies, d.length);
    }

    /** Linear interpolation between order statistics (NumPy's default). */
    static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }

    private double[][] numericColumns(Table t) {
        return numeric.stream().map(c -> RealRows.numeric(t, c)).toArray(double[][]::new);
    }

    private String[][] categoricalColumns(Table t) {
        return categorical.stream().map(c -> RealRows.categories(t, c)).toArray(String[][]::new);
    }
}
