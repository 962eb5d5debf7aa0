package jgrad.recsys;

import java.util.Arrays;

import jgrad.metrics.RankingMetrics;
import jgrad.metrics.RegressionMetrics;
import jgrad.metrics.TopK;

/** The test metrics of the recommenders: RMSE of predicted ratings, and HR@K, NDCG@K of leave-one-out rankings. */
public final class Evaluation {

    private Evaluation() {
    }

    /** HR@K and NDCG@K, each the mean over users. */
    public record Ranking(int k, double hitRate, double ndcg) {
    }

    /** RMSE of a pair model's predictions of ratings {@code ratings[r]} of (users[r], items[r]). */
    public static double rmse(PairModel model, int[] users, int[] items, float[] ratings) {
        return RegressionMetrics.rmse(model.predictPairs(users, items), toDouble(ratings));
    }

    /** RMSE of the article-003 model: entry items[r] of the predicted row of users[r]. */
    public static double rmse(UserMlpRecommender model, int[] users, int[] items, float[] ratings) {
        int[] distinct = Arrays.stream(users).distinct().sorted().toArray();
        double[][] rows = model.predictRows(distinct);
        double[] predicted = new double[users.length];
        for (int r = 0; r < users.length; r++) {
            Ids.check("item", items[r], r, model.numItems());
            predicted[r] = rows[Arrays.binarySearch(distinct, users[r])][items[r]];
        }
        return RegressionMetrics.rmse(predicted, toDouble(ratings));
    }

    /**
     * The leave-one-out protocol (He et al. 2017): each user's held-out item is ranked among that user's
     * sampled negatives by the model's scores, and the hit and NDCG of its position in the top K are
     * averaged. A negative scored equal to the held-out item ranks before it, so ties earn no hits.
     */
    public static Ranking leaveOneOut(PairModel model, int[] users, int[] testItems, int[][] negatives, int k) {
        if (users.length != testItems.length || users.length != negatives.length || users.length == 0) {
            throw new IllegalArgumentException("leaveOneOut: " + users.length + " users, " + testItems.length
                    + " test items and " + negatives.length + " negative lists; they must be equal and non-zero");
        }
        int total = 0;
        for (int[] n : negatives) {
            total += 1 + n.length;
        }
        int[] pairUsers = new int[total];
        int[] pairItems = new int[total];
        int at = 0;
        for (int u = 0; u < users.length; u++) {
            for (int neg : negatives[u]) {
                pairUsers[at] = users[u];
                pairItems[at++] = neg;
            }
            pairUsers[at] = users[u];
            pairItems[at++] = testItems[u];
        }
        double[] scores = model.predictPairs(pairUsers, pairItems);
        int[][] ranked = new int[users.length][];
        int[][] relevant = new int[users.length][];
        at = 0;
        for (int u = 0; u < users.length; u++) {
            int n = 1 + negatives[u].length;
            int[] top = TopK.indices(Arrays.copyOfRange(scores, at, at + n), Math.min(k, n));
            ranked[u] = top;          // positions within [negatives…, test]: TopK breaks ties toward the negatives
            relevant[u] = new int[] {n - 1};
            at += n;
        }
        return new Ranking(k, RankingMetrics.meanHitRate(ranked, relevant, k), RankingMetrics.meanNdcg(ranked, relevant, k));
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
