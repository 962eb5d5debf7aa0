package jgrad.privacy.anonymize;

import java.util.List;

/**
 * Full-domain generalization with row suppression to reach k-anonymity, and optionally distinct
 * l-diversity (Samarati 2001; Sweeney 2002; LeFevre, DeWitt and Ramakrishnan 2005). Every combination of
 * hierarchy levels is tried (the lattice is small: a few levels per quasi-identifier); under each, the rows
 * of classes smaller than k, or with fewer than l distinct sensitive values, are suppressed. Of the
 * combinations that suppress at most the allowed fraction of rows, the one losing least information by the
 * discernibility metric wins (ties: the lower levels).
 */
public final class KAnonymizer {

    private final int k;
    private final int l;
    private final double maxSuppressedFraction;

    /**
     * @param k                     the smallest class allowed, ≥ 1
     * @param l                     the fewest distinct sensitive values in a class, ≥ 1
     * @param maxSuppressedFraction the largest fraction of rows that may be suppressed, in [0, 1)
     */
    public KAnonymizer(int k, int l, double maxSuppressedFraction) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (l < 1) {
            throw new IllegalArgumentException("l must be at least 1, got " + l);
        }
        if (!(maxSuppressedFraction >= 0 && maxSuppressedFraction < 1)) {
            throw new IllegalArgumentException("the suppressed fraction must be in [0, 1), got " + maxSuppressedFraction);
        }
        this.k = k;
        this.l = l;
        this.maxSuppressedFraction = maxSuppressedFraction;
    }

    /** The least lossy release of the rows; {@code sensitive} may be null when l = 1. */
    public Release anonymize(List<QuasiIdentifier> quasi, String[] sensitive) {
        if (quasi.isEmpty()) {
            throw new IllegalArgumentException("no quasi-identifier given");
        }
        int rows = quasi.get(0).values().length;
        for (QuasiIdentifier q : quasi) {
            if (q.values().length != rows) {
                throw new IllegalArgumentException("quasi-identifier '" + q.name() + "' has " + q.values().length
                        + " values, not " + rows);
            }
        }
        if (k > rows) {
            throw new IllegalArgumentException("k = " + k + " is larger than the data (" + rows + " rows)");
        }
        if (l > 1 && sensitive == null) {
            throw new IllegalArgumentException("l = " + l + " needs a sensitive attribute");
        }
        String[][][] atLevel = new String[quasi.size()][][];
        for (int c = 0; c < quasi.size(); c++) {
            QuasiIdentifier q = quasi.get(c);
            atLevel[c] = new String[q.hierarchy().levels()][];
            for (int level = 0; level < atLevel[c].length; level++) {
                atLevel[c][level] = q.at(level);
            }
        }
        Release best = null;
        int[] levels = new int[quasi.size()];
        do {
            Release candidate = releaseAt(quasi, atLevel, levels.clone(), sensitive, rows);
            if (candidate != null && better(candidate, best)) {
                best = candidate;
            }
        } while (next(levels, atLevel));
        if (best == null) {
            throw new IllegalArgumentException("no generalization of " + quasi.stream().map(QuasiIdentifier::name).toList()
                    + " reaches k = " + k + (l > 1 ? ", l = " + l : "") + " suppressing at most "
                    + Math.round(maxSuppressedFraction * 100) + " % of the " + rows + " rows");
        }
        return best;
    }

    /** The release under one combination of levels, or null when it must suppress too many rows. */
    private Release releaseAt(List<QuasiIdentifier> quasi, String[][][] atLevel, int[] levels, String[] sensitive,
                              int rows) {
        String[][] released = new String[quasi.size()][];
        for (int c = 0; c < released.length; c++) {
            released[c] = atLevel[c][levels[c]];
        }
        EquivalenceClasses all = EquivalenceClasses.of(released, sensitive);
        boolean[] kept = new boolean[rows];
        int suppressed = 0;
        for (int r = 0; r < rows; r++) {
            EquivalenceClasses.EquivalenceClass e = all.classOf(r);
            kept[r] = e.size() >= k && e.distinctSensitive() >= l;
            suppressed += kept[r] ? 0 : 1;
        }
        if (suppressed > maxSuppressedFraction * rows || suppressed == rows) {
            return null;
        }
        long loss = (long) suppressed * rows;
        for (EquivalenceClasses.EquivalenceClass e : all.classes()) {
            if (e.size() >= k && e.distinctSensitive() >= l) {
                loss += (long) e.size() * e.size();
            }
        }
        EquivalenceClasses keptClasses = EquivalenceClasses.of(keptRows(released, kept),
                sensitive == null ? null : keptRows(new String[][] {sensitive}, kept)[0]);
        return new Release(quasi, levels, kept, released, keptClasses, loss);
    }

    private static String[][] keptRows(String[][] columns, boolean[] kept) {
        int n = 0;
        for (boolean b : kept) {
            n += b ? 1 : 0;
        }
        String[][] out = new String[columns.length][n];
        for (int c = 0; c < columns.length; c++) {
            for (int r = 0, i = 0; r < kept.length; r++) {
                if (kept[r]) {
                    out[c][i++] = columns[c][r];
                }
            }
        }
        return out;
    }

    private static boolean better(Release a, Release b) {
        if (b == null || a.lossMetric() != b.lossMetric()) {
            return b == null || a.lossMetric() < b.lossMetric();
        }
        return sum(a.levels()) < sum(b.levels());
    }

    private static int sum(int[] v) {
        int s = 0;
        for (int x : v) {
            s += x;
        }
        return s;
    }

    /** Advances {@code levels} to the next combination (odometer order); false after the last. */
    private static boolean next(int[] levels, String[][][] atLevel) {
        for (int c = levels.length - 1; c >= 0; c--) {
            if (++levels[c] < atLevel[c].length) {
                return true;
            }
            levels[c] = 0;
        }
        return false;
    }
}
