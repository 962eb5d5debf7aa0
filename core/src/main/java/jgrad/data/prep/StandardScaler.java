package jgrad.data.prep;

/**
 * Standardization learned from training data: x' = (x − μ) / σ, with μ the mean and σ the population
 * standard deviation of the training column. A constant column (σ = 0) is only centred (σ taken as 1).
 */
public final class StandardScaler {

    private final double mean;
    private final double std;

    private StandardScaler(double mean, double std) {
        this.mean = mean;
        this.std = std;
    }

    public static StandardScaler fit(double[] train) {
        double[] present = Stats.presentSorted(train, "standard scaler");
        double mean = Stats.mean(present);
        double std = Stats.std(present, mean);
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
