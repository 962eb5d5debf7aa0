package jgrad.data.prep;

/**
 * Fills missing numeric values (NaN) with one value learned from the training column: its mean, its median
 * (the 0.5 quantile, interpolated), its mode (the smallest of the most frequent values), or a given constant.
 */
public final class Imputer {

    /** How the fill value is learned. */
    public enum Strategy { MEAN, MEDIAN, MODE }

    private final double fillValue;

    private Imputer(double fillValue) {
        this.fillValue = fillValue;
    }

    public static Imputer fit(double[] train, Strategy strategy) {
        double[] present = Stats.presentSorted(train, "imputer");
        return new Imputer(switch (strategy) {
            case MEAN -> Stats.mean(present);
            case MEDIAN -> Stats.quantile(present, 0.5);
            case MODE -> Stats.mode(present);
        });
    }

    /** Fills with {@code value}, learning nothing. */
    public static Imputer constant(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("cannot fill missing values with NaN");
        }
        return new Imputer(value);
    }

    public double fillValue() {
        return fillValue;
    }

    /** A copy of {@code values} with every NaN replaced by the fill value. */
    public double[] transform(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = fillValue;
            }
        }
        return out;
    }
}
