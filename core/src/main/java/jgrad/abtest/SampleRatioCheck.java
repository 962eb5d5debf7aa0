package jgrad.abtest;

/**
 * The sample-ratio-mismatch check: were visitors split among the groups in the planned shares? Pearson's
 * goodness-of-fit statistic χ² = Σ (Oᵢ − Eᵢ)²/Eᵢ with Eᵢ = N·sᵢ, referred to χ² with k − 1 degrees of
 * freedom. A tiny p-value (the usual alarm is p &lt; 0.001) means the assignment or the logging is broken,
 * and the test's comparison cannot be trusted.
 */
public record SampleRatioCheck(long[] counts, double[] expectedShares, double chiSquare, int degreesOfFreedom,
                               double pValue) {

    /** Checks {@code counts} against planned {@code shares} (which are normalized to sum to 1). */
    public static SampleRatioCheck of(long[] counts, double[] shares) {
        if (counts.length < 2 || counts.length != shares.length) {
            throw new IllegalArgumentException("a sample-ratio check needs at least 2 groups and one share per group, got "
                    + counts.length + " counts and " + shares.length + " shares");
        }
        double shareSum = 0;
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0 || !(shares[i] > 0) || !Double.isFinite(shares[i])) {
                throw new IllegalArgumentException("group " + i + ": counts must be >= 0 and shares > 0, got "
                        + counts[i] + " and " + shares[i]);
            }
            shareSum += shares[i];
            total += counts[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException("a sample-ratio check needs at least one visitor");
        }
        double chi = 0;
        double[] normalized = new double[shares.length];
        for (int i = 0; i < counts.length; i++) {
            normalized[i] = shares[i] / shareSum;
            double expected = total * normalized[i];
            chi += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        int df = counts.length - 1;
        return new SampleRatioCheck(counts.clone(), normalized, chi, df, Distributions.chiSquareSurvival(chi, df));
    }

    /** Equal planned shares. */
    public static SampleRatioCheck equalShares(long... counts) {
        double[] shares = new double[counts.length];
        java.util.Arrays.fill(shares, 1);
        return of(counts, shares);
    }
}
