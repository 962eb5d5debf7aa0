package jgrad.profile;

/**
 * What the numeric columns of the rows a model learned from looked like: each column's smallest and largest
 * value, and whether it held whole numbers only. A generative model's means can fall outside a column's range
 * or between whole numbers (a VAE's decoder may say 1,030 days where the data tops out at 999);
 * {@link #hold} brings such a value back to one the column could hold.
 */
public record NumericRanges(double[] min, double[] max, boolean[] whole) {

    /** How far a decoded value may sit from a whole number and still count as one (the features are floats). */
    static final double WHOLE_TOLERANCE = 1e-5;

    public NumericRanges {
        if (min.length != max.length || min.length != whole.length) {
            throw new IllegalArgumentException("ranges of " + min.length + ", " + max.length + " and " + whole.length
                    + " columns");
        }
        min = min.clone();
        max = max.clone();
        whole = whole.clone();
    }

    /** Value v of numeric column i clamped to [min_i, max_i], and rounded to a whole number if the column held only those. */
    public double hold(int i, double v) {
        double held = Math.min(max[i], Math.max(min[i], v));
        return whole[i] ? Math.rint(held) : held;
    }

    static boolean isWhole(double v) {
        return Math.abs(v - Math.rint(v)) <= WHOLE_TOLERANCE * Math.max(1, Math.abs(v));
    }
}
