package jgrad.privacy.anonymize;

import java.util.List;

/**
 * What {@link KAnonymizer} decided: the generalization level of each quasi-identifier, the rows kept (the
 * others are suppressed), the released quasi-identifier values of every row (meaningful where kept) and the
 * equivalence classes of the kept rows.
 *
 * @param quasi      the quasi-identifiers, in the order of {@code levels} and {@code released}
 * @param levels     each quasi-identifier's level in its hierarchy
 * @param kept       per row: released (true) or suppressed
 * @param released   {@code released[c][r]}: quasi-identifier c of row r at its level
 * @param classes    the equivalence classes of the kept rows
 * @param lossMetric the discernibility metric of the release (Bayardo and Agrawal 2005): the sum over kept
 *                   classes of their size squared, plus N for each suppressed row
 */
public record Release(List<QuasiIdentifier> quasi, int[] levels, boolean[] kept, String[][] released,
                      EquivalenceClasses classes, long lossMetric) {

    public int rows() {
        return kept.length;
    }

    public int suppressed() {
        int n = 0;
        for (boolean k : kept) {
            n += k ? 0 : 1;
        }
        return n;
    }

    public int k() {
        return classes.k();
    }

    public int l() {
        return classes.l();
    }
}
