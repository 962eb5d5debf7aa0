package jgrad.data.prep;

/**
 * Min-max scaling learned from training data: x' = (x − min) / (max − min), mapping the training range to
 * [0, 1]. Test values beyond the training range map beyond [0, 1]; they are not clipped, so that the
 * transform stays the same function for every row. A constant training column maps to 0.
 */
public final class MinMaxScaler {

    private final double min;
    private final double max;
    private final double range;

    private MinMaxScaler(double min, double max) {
        this.min = min;
        this.max = max;
        this.range = max > min ? max - min : 1;
    }

    public static MinMaxScaler fit(double[] train) {
        return fit(train, "min-max scaler");
    }

    /** {@link #fit(double[])}, naming {@code column} in its errors; the range max − min must be finite. */
    public static MinMaxScaler fit(double[] train, String column) {
        double[] sorted = Stats.presentSorted(train, column);
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        Stats.requireFinite(column, sorted, "range", max - min, "minimum", min);
        return new MinMaxScaler(min, max);
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double[] transform(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - min) / range;
        }
        return out;
    }
}
