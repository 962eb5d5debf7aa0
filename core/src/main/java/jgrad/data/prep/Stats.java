package jgrad.data.prep;

import java.util.Arrays;

/** Statistics of the present (non-NaN) values of a column, shared by the transforms. */
final class Stats {

    private Stats() {
    }

    /** The non-NaN values, sorted; an exception when there are none, since nothing can be fitted then. */
    static double[] presentSorted(double[] values, String what) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (present.length == 0) {
            throw new IllegalArgumentException(what + ": no value to fit on (empty or all missing)");
        }
        return present;
    }

    /**
     * Refuses statistics that are not finite, naming the column and the value that made them so: the
     * first infinite value, or else the largest magnitude (whose arithmetic overflowed).
     */
    static void requireFinite(String column, double[] present, String name1, double stat1, String name2,
                              double stat2) {
        if (Double.isFinite(stat1) && Double.isFinite(stat2)) {
            return;
        }
        double largest = 0;
        for (double v : present) {
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(column + ": the training values include " + v
                        + ", so its " + name1 + " and " + name2 + " cannot be fitted; remove or cap it");
            }
            largest = Math.max(largest, Math.abs(v));
        }
        throw new IllegalArgumentException(column + ": its fitted " + name1 + " (" + stat1 + ") or " + name2 + " ("
                + stat2 + ") is not finite: values as large as " + largest + " overflow a double; remove or cap them");
    }

    static double mean(double[] present) {
        double sum = 0;
        for (double v : present) {
            sum += v;
        }
        return sum / present.length;
    }

    /** Population standard deviation sqrt((1/n) Σ (x − mean)²), as scikit-learn's StandardScaler. */
    static double std(double[] present, double mean) {
        double sum = 0;
        for (double v : present) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / present.length);
    }

    /**
     * The q-quantile of sorted values by linear interpolation between closest ranks (position q·(n−1), 0-based:
     * NumPy's default "linear" method).
     */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The most frequent of sorted values; on equal counts the smallest value. */
    static double mode(double[] sorted) {
        double best = sorted[0];
        int bestCount = 0;
        int run = 0;
        for (int i = 0; i < sorted.length; i++) {
            run = i > 0 && sorted[i] == sorted[i - 1] ? run + 1 : 1;
            if (run > bestCount) {
                bestCount = run;
                best = sorted[i];
            }
        }
        return best;
    }
}
