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
        double[] sorted = Stats.presentSorted(train, "min-max scaler");
        return new MinMaxScaler(sorted[0], sorted[sorted.length - 1]);
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
