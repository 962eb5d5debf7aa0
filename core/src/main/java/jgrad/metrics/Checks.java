package jgrad.metrics;

/** Argument checks shared by the metrics. */
final class Checks {

    private Checks() {
    }

    static void sameLengthNonEmpty(int a, int b, String what) {
        if (a != b) {
            throw new IllegalArgumentException(what + ": lengths differ (" + a + " vs " + b + ")");
        }
        if (a == 0) {
            throw new IllegalArgumentException(what + ": empty input");
        }
    }

    static void binaryLabels(int[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " is not 0 or 1");
            }
        }
    }

    static void noNaN(double[] values, String what) {
        noNaN(values, values.length, what);
    }

    /** The first n values hold no NaN. */
    static void noNaN(double[] values, int n, String what) {
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(what + ": NaN at index " + i);
            }
        }
    }

    static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
