package jgrad.sequence;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.stream.IntStream;

import jgrad.metrics.TopK;

/**
 * The next-item protocol (Kang and McAuley 2018; ml-100k-seq's README): for every evaluated user, the
 * target (validation or test item) is ranked by the model's scores given the user's history, and
 * <pre>
 *   HR@K = 1 if rank ≤ K, else 0,     NDCG@K = 1 / log₂(rank + 1) if rank ≤ K, else 0
 * </pre>
 * are averaged over users, for two candidate sets: the target and its sampled negatives (101 items), and
 * the full ranking (every item of the catalog except those in the history). The rank is pessimistic
 * ({@link TopK#rankOf}): candidates that tie with the target rank before it, so constant scores earn nothing.
 */
public final class NextItemEvaluation {

    private static final int USERS_PER_BATCH = 256;

    private NextItemEvaluation() {
    }

    /** HR@K and NDCG@K on the sampled candidates and with full ranking, each averaged over the evaluated users. */
    public record Metrics(int k, double hitRateSampled, double ndcgSampled, double hitRateFull, double ndcgFull) {
    }

    public static Metrics evaluate(NextItemScorer model, SequenceData data, SequenceData.Target target, int k) {
        if (model.numItems() < data.numItems()) {
            throw new IllegalArgumentException("the model knows items 1 … " + model.numItems() + " but the data has "
                    + data.numItems());
        }
        // Sorted by history length, so that a batch of histories is padded little (the metrics are per user).
        int[] users = IntStream.range(0, data.numUsers()).filter(data::evaluated).boxed()
                .sorted(Comparator.comparingInt(u -> data.history(u, target).length))
                .mapToInt(Integer::intValue).toArray();
        if (users.length == 0) {
            throw new IllegalArgumentException("no user has the 3 items a validation and a test target need");
        }
        double[] sums = new double[4];
        for (int from = 0; from < users.length; from += USERS_PER_BATCH) {
            int[] batch = Arrays.copyOfRange(users, from, Math.min(users.length, from + USERS_PER_BATCH));
            int[][] histories = new int[batch.length][];
            for (int b = 0; b < batch.length; b++) {
                histories[b] = data.history(batch[b], target);
            }
            double[][] scores = model.scores(histories);
            for (int b = 0; b < batch.length; b++) {
                int item = data.target(batch[b], target);
                add(sums, 0, sampledRank(scores[b], item, data.negatives(batch[b], target)), k);
                add(sums, 2, fullRank(scores[b], item, histories[b]), k);
            }
        }
        int n = users.length;
        return new Metrics(k, sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n);
    }

    /** The 1-based rank of {@code target} among itself and {@code negatives}. */
    public static int sampledRank(double[] scores, int target, int[] negatives) {
        double[] candidates = new double[1 + negatives.length];
        candidates[0] = scores[target];
        for (int i = 0; i < negatives.length; i++) {
            candidates[1 + i] = scores[negatives[i]];
        }
        return TopK.rankOf(candidates, 0);
    }

    /** The 1-based rank of {@code target} among items 1 … n − 1 of {@code scores} that are not in the history. */
    public static int fullRank(double[] scores, int target, int[] history) {
        BitSet excluded = new BitSet(scores.length);
        excluded.set(0);
        for (int item : history) {
            excluded.set(item);
        }
        excluded.clear(target);
        double[] candidates = new double[scores.length - excluded.cardinality()];
        int at = 0;
        int targetAt = -1;
        for (int i = excluded.nextClearBit(0); i < scores.length; i = excluded.nextClearBit(i + 1)) {
            if (i == target) {
                targetAt = at;
            }
            candidates[at++] = scores[i];
        }
        return TopK.rankOf(candidates, targetAt);
    }

    private static void add(double[] sums, int at, int rank, int k) {
        if (rank <= k) {
            sums[at] += 1;
            sums[at + 1] += 1 / (Math.log(rank + 1) / Math.log(2));
        }
    }
}
