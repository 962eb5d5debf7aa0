package jgrad.metrics;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Top-K ranking metrics of one query (a user): {@code ranked} holds distinct item ids, best first; {@code relevant}
 * holds the items the user actually chose (one item in the leave-one-out protocol). rel_i = 1 when the item at
 * 1-based position i is relevant, R = the relevant set.
 * <pre>
 *   HR@K   = 1 if some rel_i = 1 with i ≤ K, else 0
 *   NDCG@K = DCG@K / IDCG@K,  DCG@K = Σ_{i≤K} rel_i / log2(i + 1),  IDCG@K = Σ_{i ≤ min(|R|, K)} 1 / log2(i + 1)
 *   RR     = 1 / (position of the first relevant item in the whole list), 0 if none; MRR is its mean
 *   AP@K   = (1 / min(|R|, K)) Σ_{i≤K} rel_i · Precision@i,  Precision@i = (1/i) Σ_{j≤i} rel_j; MAP@K is its mean
 *   coverage = |∪_u top-K(u)| / catalog size
 * </pre>
 * The {@code mean…} methods average over queries. An empty list of queries or an empty relevant set is refused.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    public static double hitRate(int[] ranked, int[] relevant, int k) {
        Relevance rel = new Relevance(ranked, relevant, k);
        for (int i = 0; i < rel.cutoff; i++) {
            if (rel.isRelevant(i)) {
                return 1;
            }
        }
        return 0;
    }

    public static double ndcg(int[] ranked, int[] relevant, int k) {
        Relevance rel = new Relevance(ranked, relevant, k);
        double dcg = 0;
        for (int i = 0; i < rel.cutoff; i++) {
            if (rel.isRelevant(i)) {
                dcg += discount(i + 1);
            }
        }
        double idcg = 0;
        for (int i = 1; i <= Math.min(rel.relevantCount, k); i++) {
            idcg += discount(i);
        }
        return dcg / idcg;
    }

    public static double reciprocalRank(int[] ranked, int[] relevant) {
        Relevance rel = new Relevance(ranked, relevant, Math.max(1, ranked.length));
        for (int i = 0; i < rel.cutoff; i++) {
            if (rel.isRelevant(i)) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    public static double averagePrecision(int[] ranked, int[] relevant, int k) {
        Relevance rel = new Relevance(ranked, relevant, k);
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < rel.cutoff; i++) {
            if (rel.isRelevant(i)) {
                hits++;
                sum += (double) hits / (i + 1);
            }
        }
        return sum / Math.min(rel.relevantCount, k);
    }

    public static double meanHitRate(int[][] ranked, int[][] relevant, int k) {
        checkQueries(ranked, relevant);
        double sum = 0;
        for (int q = 0; q < ranked.length; q++) {
            sum += hitRate(ranked[q], relevant[q], k);
        }
        return sum / ranked.length;
    }

    public static double meanNdcg(int[][] ranked, int[][] relevant, int k) {
        checkQueries(ranked, relevant);
        double sum = 0;
        for (int q = 0; q < ranked.length; q++) {
            sum += ndcg(ranked[q], relevant[q], k);
        }
        return sum / ranked.length;
    }

    public static double meanReciprocalRank(int[][] ranked, int[][] relevant) {
        checkQueries(ranked, relevant);
        double sum = 0;
        for (int q = 0; q < ranked.length; q++) {
            sum += reciprocalRank(ranked[q], relevant[q]);
        }
        return sum / ranked.length;
    }

    public static double meanAveragePrecision(int[][] ranked, int[][] relevant, int k) {
        checkQueries(ranked, relevant);
        double sum = 0;
        for (int q = 0; q < ranked.length; q++) {
            sum += averagePrecision(ranked[q], relevant[q], k);
        }
        return sum / ranked.length;
    }

    /** The share of a catalog of items {@code 0 … catalogSize−1} that appears in at least one list. */
    public static double catalogCoverage(int[][] recommended, int catalogSize) {
        if (recommended.length == 0) {
            throw new IllegalArgumentException("catalog coverage: no recommendation lists");
        }
        if (catalogSize < 1) {
            throw new IllegalArgumentException("catalog size must be positive, got " + catalogSize);
        }
        BitSet seen = new BitSet(catalogSize);
        for (int[] list : recommended) {
            for (int item : list) {
                if (item < 0 || item >= catalogSize) {
                    throw new IllegalArgumentException("item " + item + " outside the catalog [0, " + catalogSize + ")");
                }
                seen.set(item);
            }
        }
        return (double) seen.cardinality() / catalogSize;
    }

    /** 1 / log2(position + 1) for a 1-based position. */
    private static double discount(int position) {
        return Math.log(2) / Math.log(position + 1.0);
    }

    private static void checkQueries(int[][] ranked, int[][] relevant) {
        if (ranked.length != relevant.length) {
            throw new IllegalArgumentException(ranked.length + " ranked lists but " + relevant.length + " relevant sets");
        }
        if (ranked.length == 0) {
            throw new IllegalArgumentException("no queries");
        }
    }

    /** Relevance of the first K positions of one ranked list; checks the arguments once. */
    private static final class Relevance {

        final int[] ranked;
        final int[] relevantSorted;
        final int relevantCount;
        final int cutoff;

        Relevance(int[] ranked, int[] relevant, int k) {
            if (k < 1) {
                throw new IllegalArgumentException("K must be at least 1, got " + k);
            }
            relevantSorted = Arrays.stream(relevant).distinct().sorted().toArray();
            if (relevantSorted.length == 0) {
                throw new IllegalArgumentException("empty relevant set");
            }
            this.ranked = ranked;
            this.relevantCount = relevantSorted.length;
            this.cutoff = Math.min(k, ranked.length);
            int[] top = Arrays.copyOf(ranked, cutoff);
            if (Arrays.stream(top).distinct().count() != cutoff) {
                throw new IllegalArgumentException("ranked list repeats an item in its first " + cutoff + " positions");
            }
        }

        boolean isRelevant(int position) {
            return Arrays.binarySearch(relevantSorted, ranked[position]) >= 0;
        }
    }
}
