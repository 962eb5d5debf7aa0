package jgrad.text;

import java.util.List;

/**
 * The character bigram model that a character-level network must beat: P(c | p) = (n(p, c) + α) /
 * (n(p) + α·V), counts over the training pairs (add-α smoothing over the V ids of {@link CharCodes}).
 * A plain table of counts on the host: statistics, not a tensor model.
 */
public final class CharBigram {

    private final double[][] counts;
    private final double[] totals;
    private final double alpha;

    private CharBigram(double[][] counts, double[] totals, double alpha) {
        this.counts = counts;
        this.totals = totals;
        this.alpha = alpha;
    }

    /** Counts (previous, next) over each text's predicted positions: those from {@code start(text)} on. */
    public static CharBigram fit(CharCodes codes, List<CopyLine> lines, double alpha) {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("add-α smoothing needs α > 0, got " + alpha);
        }
        int v = codes.size();
        double[][] counts = new double[v][v];
        double[] totals = new double[v];
        for (CopyLine line : lines) {
            int[] ids = codes.ids(line.text());
            for (int t = line.titleStart(); t < ids.length; t++) {
                counts[ids[t - 1]][ids[t]]++;
                totals[ids[t - 1]]++;
            }
        }
        return new CharBigram(counts, totals, alpha);
    }

    /** −log₂ P(next | previous). */
    public double bits(int previous, int next) {
        double p = (counts[previous][next] + alpha) / (totals[previous] + alpha * counts.length);
        return -Math.log(p) / Math.log(2);
    }

    /** Bits per predicted character over the lines (the title characters and the end of each line). */
    public double bitsPerCharacter(CharCodes codes, List<CopyLine> lines) {
        double bits = 0;
        long n = 0;
        for (CopyLine line : lines) {
            int[] ids = codes.ids(line.text());
            for (int t = line.titleStart(); t < ids.length; t++) {
                bits += bits(ids[t - 1], ids[t]);
                n++;
            }
        }
        return bits / n;
    }
}
