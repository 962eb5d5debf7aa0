package jgrad.spark;

import java.io.Serializable;

/**
 * A partition's contribution to a synchronization, and the sum of several: weight · (gradients or weights)
 * per parameter, the loss summed over the rows it used, and the rows. After local steps the row-sparse
 * parameters (embeddings) also carry, row by row, weight · the row for the partitions that looked the row up
 * ({@code rowValues}) and the sum of those partitions' weights ({@code rowShares}, one number per table row);
 * both are null for gradients and for dense parameters.
 */
record Part(float[][] values, float[][] rowValues, float[][] rowShares, double lossSum, long rows)
        implements Serializable {

    /** A partition that had no batch in the steps of a synchronization. */
    static final Part EMPTY = new Part(null, null, null, 0, 0);

    /** a + b; {@code a}'s arrays are reused for the sum. */
    static Part plus(Part a, Part b) {
        return new Part(Flat.addInto(a.values, b.values), Flat.addInto(a.rowValues, b.rowValues),
                Flat.addInto(a.rowShares, b.rowShares), a.lossSum + b.lossSum, a.rows + b.rows);
    }

    /**
     * The averaged weights: each parameter's weighted average Σ_p s_p·w_p (s_p the partitions' shares of the
     * rows), except that a row of an embedding looked up by some partitions is their average alone,
     * Σ_{p looked r up} s_p·w_{p,r} / Σ_{p looked r up} s_p: a partition whose batches never held a user
     * would otherwise weigh in with its copy of the row, which its batches did not train, and shrink the move
     * of the partitions that did by their share. (With Adam this did not close the gap to one machine on GMF:
     * README, "On Apache Spark".)
     */
    float[][] averagedByRows() {
        if (rowValues == null) {
            return values;
        }
        float[][] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (rowValues[i] != null) {
                out[i] = Flat.rowAverage(values[i], rowValues[i], rowShares[i]);
            }
        }
        return out;
    }
}
