package jgrad.abtest;

/**
 * A rate observed as {@code successes} out of {@code trials} (visitors who converted, mails that were opened).
 */
public record Proportion(long successes, long trials) {

    public Proportion {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("a proportion needs 0 <= successes <= trials and trials >= 1, got "
                    + successes + " of " + trials);
        }
    }

    /** p̂ = successes / trials. */
    public double rate() {
        return (double) successes / trials;
    }

    /**
     * Wilson's score interval (Wilson 1927), which, unlike p̂ ± z·se, stays inside [0, 1] and keeps its
     * coverage for small counts and rates near 0 or 1:
     * <pre>
     *   (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n),   z = Φ⁻¹(1 − α/2)
     * </pre>
     */
    public Interval wilson(double confidence) {
        double z = zFor(confidence);
        double n = trials;
        double p = rate();
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** The two-sided critical value Φ⁻¹(1 − α/2) of a confidence level 1 − α. */
    static double zFor(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("a confidence level must lie strictly between 0 and 1, got " + confidence);
        }
        return Distributions.normalQuantile(1 - (1 - confidence) / 2);
    }
}
