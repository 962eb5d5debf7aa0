package jgrad.recsys;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The per-query arrays of {@link Recommender#recommend}: a score per item and an exclusion mark per
 * item, kept in a small lock-free stash so that a query allocates no arrays that grow with the
 * catalog. A query takes a set (or makes one when every set is in use) and gives it back; it works
 * the same from platform and virtual threads, which a thread-local would not.
 */
final class ScoreBuffers {

    private static final AtomicReferenceArray<ScoreBuffers> STASH = new AtomicReferenceArray<>(64);

    double[] scores;
    boolean[] excluded;

    private ScoreBuffers(int items) {
        scores = new double[items];
        excluded = new boolean[items];
    }

    /** A set with room for {@code items} items, marks all clear. */
    static ScoreBuffers take(int items) {
        int start = (int) (Thread.currentThread().threadId() & (STASH.length() - 1));
        for (int n = 0; n < STASH.length(); n++) {
            ScoreBuffers b = STASH.getAndSet((start + n) & (STASH.length() - 1), null);
            if (b != null) {
                if (b.scores.length < items) {
                    b.scores = new double[items];
                    b.excluded = new boolean[items];
                }
                return b;
            }
        }
        return new ScoreBuffers(items);
    }

    /** Returns a set whose marks the caller has cleared. */
    static void give(ScoreBuffers b) {
        int start = (int) (Thread.currentThread().threadId() & (STASH.length() - 1));
        for (int n = 0; n < STASH.length(); n++) {
            if (STASH.compareAndSet((start + n) & (STASH.length() - 1), null, b)) {
                return;
            }
        }
    }
}
