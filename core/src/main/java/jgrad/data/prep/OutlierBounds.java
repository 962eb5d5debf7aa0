package jgrad.data.prep;

/**
 * Bounds outside which a value counts as an outlier, learned from training data, to flag or clip values.
 * <pre>
 *   IQR rule:     [Q1 − k·IQR, Q3 + k·IQR],  IQR = Q3 − Q1 (quartiles interpolated), k = 1.5 by Tukey
 *   z-score rule: [μ − z·σ, μ + z·σ],        σ the population standard deviation, z = 3 usually
 * </pre>
 * NaN (missing) is neither flagged nor clipped: impute it separately.
 */
public final class OutlierBounds {

    private final double lower;
    private final double upper;

    private OutlierBounds(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
    }

    public static OutlierBounds fitIqr(double[] train, double k) {
        checkPositive(k, "k");
        double[] sorted = Stats.presentSorted(train, "IQR bounds");
        double q1 = Stats.quantile(sorted, 0.25);
        double q3 = Stats.quantile(sorted, 0.75);
        double iqr = q3 - q1;
        return new OutlierBounds(q1 - k * iqr, q3 + k * iqr);
    }

    public static OutlierBounds fitZScore(double[] train, double z) {
        checkPositive(z, "z");
        double[] present = Stats.presentSorted(train, "z-score bounds");
        double mean = Stats.mean(present);
        double std = Stats.std(present, mean);
        return new OutlierBounds(mean - z * std, mean + z * std);
    }

    public double lower() {
        return lower;
    }

    public double upper() {
        return upper;
    }

    /** True where a value lies outside the bounds. */
    public boolean[] flag(double[] values) {
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] < lower || values[i] > upper;
        }
        return out;
    }

    /** A copy with values below the lower bound raised to it and values above the upper bound lowered to it. */
    public double[] clip(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] < lower) {
                out[i] = lower;
            } else if (out[i] > upper) {
                out[i] = upper;
            }
        }
        return out;
    }

    private static void checkPositive(double value, String name) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
