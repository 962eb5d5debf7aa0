package jgrad.recsys;

import jgrad.metrics.TopK;

/**
 * A model that scores every item of its catalog for a user, and so recommends the top K. Users and items
 * are dense ids {@code 0 … numUsers−1} and {@code 0 … numItems−1}; a higher score means a better match
 * (a predicted rating, or a logit of an interaction).
 */
public interface Recommender {

    int numUsers();

    int numItems();

    /** The score of each item 0 … numItems−1 for {@code user}, in evaluation mode, without a graph. */
    double[] scoreItems(int user);

    /**
     * Writes the score of each item 0 … numItems−1 for {@code user} into {@code out[0 … numItems)}, as
     * {@link #scoreItems(int)} computes them. Models with a serving path override it to fill the
     * caller's buffer without making one of their own.
     */
    default void scoreItems(int user, double[] out) {
        double[] scores = scoreItems(user);
        System.arraycopy(scores, 0, out, 0, scores.length);
    }

    /**
     * The {@code k} best-scored items the user has not seen, best first (fewer when fewer remain).
     * Equal scores go to the lower item id. The scores and marks live in reused buffers: a query
     * allocates its answer and the selection heap, not arrays the size of the catalog.
     */
    default int[] recommend(int user, int k, int[] seen) {
        if (k < 0) {
            throw new IllegalArgumentException("recommend: k must be >= 0, got " + k);
        }
        Ids.check("user", user, numUsers());
        int items = numItems();
        Ids.check("seen item", seen, items);
        ScoreBuffers buffers = ScoreBuffers.take(items);
        try {
            scoreItems(user, buffers.scores);
            for (int item : seen) {
                buffers.excluded[item] = true;
            }
            return TopK.indices(buffers.scores, items, buffers.excluded, k);
        } finally {
            for (int item : seen) {
                buffers.excluded[item] = false;
            }
            ScoreBuffers.give(buffers);
        }
    }

    /**
     * The {@code k} best of {@code scores} whose item is not in {@code seen}, best first (fewer when fewer
     * remain); equal scores go to the lower item id. For scores computed elsewhere (a sequence model's).
     */
    static int[] topUnseen(double[] scores, int k, int[] seen) {
        if (k < 0) {
            throw new IllegalArgumentException("recommend: k must be >= 0, got " + k);
        }
        boolean[] excluded = new boolean[scores.length];
        Ids.check("seen item", seen, scores.length);
        for (int item : seen) {
            excluded[item] = true;
        }
        return TopK.indices(scores, scores.length, excluded, k);
    }
}
