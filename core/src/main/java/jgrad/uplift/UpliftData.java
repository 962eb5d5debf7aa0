package jgrad.uplift;

/**
 * Rows of a randomized experiment: features x (with a leading 1 if an intercept is wanted), treatment t ∈ {0, 1}
 * and outcome y ∈ {0, 1}. A treatment column with one value is refused: uplift compares two groups.
 */
public record UpliftData(double[][] features, int[] treatment, double[] outcome) {

    public UpliftData {
        int n = features.length;
        if (n == 0 || treatment.length != n || outcome.length != n) {
            throw new IllegalArgumentException("uplift data needs rows with one treatment and one outcome each, got " + n
                    + " rows, " + treatment.length + " treatments, " + outcome.length + " outcomes");
        }
        int treated = 0;
        for (int i = 0; i < n; i++) {
            if (treatment[i] != 0 && treatment[i] != 1) {
                throw new IllegalArgumentException("row " + (i + 1) + ": treatment must be 0 or 1, got " + treatment[i]);
            }
            if (outcome[i] != 0 && outcome[i] != 1) {
                throw new IllegalArgumentException("row " + (i + 1) + ": outcome must be 0 or 1, got " + outcome[i]);
            }
            treated += treatment[i];
        }
        if (treated == 0 || treated == n) {
            throw new IllegalArgumentException("the treatment has only one value (" + (treated == 0 ? 0 : 1) + " in all "
                    + n + " rows); uplift needs treated and control rows");
        }
    }

    /**
     * From an experiment of several arms ({@code arms[i]} = 0 for the control group, k for offer k): the rows of arm
     * {@code arm} as treated and those of the control group as control, in row order.
     */
    public static UpliftData armAgainstControl(double[][] features, int[] arms, double[] outcomes, int arm) {
        int[] rows = java.util.stream.IntStream.range(0, arms.length).filter(i -> arms[i] == 0 || arms[i] == arm)
                .toArray();
        double[][] x = new double[rows.length][];
        int[] t = new int[rows.length];
        double[] y = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            x[k] = features[rows[k]];
            t[k] = arms[rows[k]] == arm ? 1 : 0;
            y[k] = outcomes[rows[k]];
        }
        return new UpliftData(x, t, y);
    }

    public int size() {
        return features.length;
    }

    /** The rows {@code rows}, in that order. */
    public UpliftData select(int[] rows) {
        double[][] x = new double[rows.length][];
        int[] t = new int[rows.length];
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = features[rows[i]];
            t[i] = treatment[rows[i]];
            y[i] = outcome[rows[i]];
        }
        return new UpliftData(x, t, y);
    }

    /** The share of treated rows. */
    public double treatedShare() {
        double s = 0;
        for (int t : treatment) {
            s += t;
        }
        return s / treatment.length;
    }
}
