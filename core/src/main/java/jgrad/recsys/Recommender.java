package jgrad.recsys;

import java.util.Arrays;

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
     * The {@code k} best-scored items the user has not seen, best first (fewer when fewer remain).
     * Equal scores go to the lower item id.
     */
    default int[] recommend(int user, int k, int[] seen) {
        if (k < 0) {
            throw new IllegalArgumentException("recommend: k must be >= 0, got " + k);
        }
        Ids.check("user", user, numUsers());
        return topUnseen(scoreItems(user), k, seen);
    }

    /**
     * The {@code k} best of {@code scores} whose item is not in {@code seen}, best first (fewer when fewer
     * remain); equal scores go to the lower item id. Shared by every kind of recommender.
     */
    static int[] topUnseen(double[] scores, int k, int[] seen) {
        if (k < 0) {
            throw new IllegalArgumentException("recommend: k must be >= 0, got " + k);
        }
        boolean[] excluded = new boolean[scores.length];
        for (int item : seen) {
            Ids.check("seen item", item, scores.length);
            excluded[item] = true;
        }
        int[] candidates = new int[scores.length];
        int n = 0;
        for (int item = 0; item < scores.length; item++) {
            if (!excluded[item]) {
                candidates[n++] = item;
            }
        }
        int[] kept = Arrays.copyOf(candidates, n);
        double[] keptScores = new double[n];
        for (int c = 0; c < n; c++) {
            keptScores[c] = scores[kept[c]];
        }
        // TopK breaks ties toward the lower index, and kept is ascending, so toward the lower item id.
        int[] best = TopK.indices(keptScores, Math.min(k, n));
        int[] items = new int[best.length];
        for (int r = 0; r < best.length; r++) {
            items[r] = kept[best[r]];
        }
        return items;
    }
}
