package jgrad.metrics;

/**
 * Scores judged as a campaign with a budget: contact the {@code B = ⌈n·f⌉} clients with the highest scores
 * (a fraction f of the n), ties toward the lower index ({@link TopK#indices}). With P converting clients among
 * the n and TP among the contacted:
 * <pre>
 *   base rate  π = P / n                  (the precision of contacting B clients at random, in expectation)
 *   precision  = TP / B,   recall = TP / P
 *   lift       = precision / π            (how many times better than contacting B clients at random)
 *   random hits = B · π                   (conversions expected from B random contacts)
 * </pre>
 *
 * @param called the contacted clients' indices, highest score first
 * @param atBudget the confusion matrix of "contacted" against the labels
 */
public record CampaignAtBudget(double baseRate, int budget, int[] called, ConfusionMatrix atBudget) {

    /** The campaign that contacts the top {@code budgetFraction} ∈ (0, 1] of the clients by score. */
    public static CampaignAtBudget of(double[] scores, int[] labels, double budgetFraction) {
        if (scores.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("campaign: " + scores.length + " scores for " + labels.length
                    + " labels");
        }
        if (!(budgetFraction > 0 && budgetFraction <= 1)) {
            throw new IllegalArgumentException("campaign: budget fraction must be in (0, 1], got " + budgetFraction);
        }
        Checks.binaryLabels(labels);
        int budget = (int) Math.ceil(labels.length * budgetFraction);
        int[] called = TopK.indices(scores, budget);
        int[] contacted = new int[labels.length];
        for (int i : called) {
            contacted[i] = 1;
        }
        long positives = 0;
        for (int y : labels) {
            positives += y;
        }
        return new CampaignAtBudget((double) positives / labels.length, budget, called,
                ConfusionMatrix.of(contacted, labels));
    }

    public double precision() {
        return atBudget.precision();
    }

    public double recall() {
        return atBudget.recall();
    }

    public double lift() {
        return atBudget.precision() / baseRate;
    }

    public double randomHits() {
        return budget * baseRate;
    }
}
