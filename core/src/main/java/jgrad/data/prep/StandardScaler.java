package jgrad.data.prep;

/**
 * Standardization learned from training data: x' = (x − μ) / σ, with μ the mean and σ the population
 * standard deviation of the training column. A constant column (σ = 0) is only centred (σ taken as 1).
 * Fitting refuses a column whose μ or σ is not finite (an infinite value, or values near 1e308 whose
 * sum overflows): every transformed value would be NaN or 0, and the fault would surface only later.
 */
public final class StandardScaler {

    private final double mean;
    private final double std;

    private StandardScaler(double mean, double std) {
        this.mean = mean;
        this.std = std;
    }

    public static StandardScaler fit(double[] train) {
        return fit(train, "standard scaler");
    }

    /** {@link #fit(double[])}, naming {@code column} in its errors. */
    public static StandardScaler fit(double[] train, String column) {
        double[] present = Stats.presentSorted(train, column);
        double mean = Stats.mean(present);
        double std = Stats.std(present, mean);
        Stats.requireFinite(column, present, "mean", mean, "standard deviation", std);
        return new StandardScaler(mean, std == 0 ? 1 : std);
    }

    /** A scaler with a known μ and σ (a saved one, rebuilt). */
    public static StandardScaler of(double mean, double std) {
        if (!Double.isFinite(mean) || !(std > 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("a standard scaler needs a finite mean and a finite σ > 0, got μ = "
                    + mean + ", σ = " + std);
        }
        return new StandardScaler(mean, std);
    }

    public double mean() {
        return mean;
    }

    public double std() {
        return std;
    }

    public double[] transform(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - mean) / std;
        }
        return out;
    }

    public double[] inverse(double[] scaled) {
        double[] out = new double[scaled.length];
        for (int i = 0; i < scaled.length; i++) {
            out[i] = scaled[i] * std + mean;
        }
        return out;
    }
}
