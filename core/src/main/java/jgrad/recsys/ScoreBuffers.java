package jgrad.recsys;

import jgrad.backend.Reusable;

/**
 * The per-query arrays of {@link Recommender#recommend}: a score per item and an exclusion mark per
 * item, reused from query to query ({@link Reusable}: per platform thread, borrowed on a virtual one)
 * so that a query allocates no arrays that grow with the catalog.
 */
final class ScoreBuffers {

    private static final Reusable<ScoreBuffers> SETS = new Reusable<>(ScoreBuffers::new);

    double[] scores = new double[0];
    boolean[] excluded = new boolean[0];

    private ScoreBuffers() {
    }

    /** A set with room for {@code items} items, marks all clear. */
    static ScoreBuffers take(int items) {
        ScoreBuffers b = SETS.take();
        if (b.scores.length < items) {
            b.scores = new double[items];
            b.excluded = new boolean[items];
        }
        return b;
    }

    /** Returns a set whose marks the caller has cleared. */
    static void give(ScoreBuffers b) {
        SETS.give(b);
    }
}
