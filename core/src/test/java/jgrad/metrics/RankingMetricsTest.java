package jgrad.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static final int[] RANKED = {5, 3, 9, 1, 7};
    private static final int[] RELEVANT = {7, 3};
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_6 = Math.log(6) / Math.log(2);

    @Test
    void hitRate() {
        assertEquals(1.0, RankingMetrics.hitRate(RANKED, RELEVANT, 5));
        assertEquals(1.0, RankingMetrics.hitRate(RANKED, RELEVANT, 2));
        assertEquals(0.0, RankingMetrics.hitRate(RANKED, RELEVANT, 1));
    }

    @Test
    void ndcgByHand() {
        // hits at positions 2 and 5; the ideal list has them at 1 and 2
        assertEquals((1 / LOG2_3 + 1 / LOG2_6) / (1 + 1 / LOG2_3), RankingMetrics.ndcg(RANKED, RELEVANT, 5), 1e-15);
        assertEquals((1 / LOG2_3) / (1 + 1 / LOG2_3), RankingMetrics.ndcg(RANKED, RELEVANT, 2), 1e-15);
        assertEquals(0.0, RankingMetrics.ndcg(RANKED, RELEVANT, 1));
        // one relevant item at position 3: 1 / log2(4)
        assertEquals(0.5, RankingMetrics.ndcg(new int[] {4, 8, 2}, new int[] {2}, 10), 1e-15);
        assertEquals(1.0, RankingMetrics.ndcg(new int[] {2, 8}, new int[] {2}, 10), 1e-15);
    }

    @Test
    void reciprocalRankAndItsMean() {
        assertEquals(0.5, RankingMetrics.reciprocalRank(RANKED, RELEVANT));
        assertEquals(0.0, RankingMetrics.reciprocalRank(new int[] {1, 2}, new int[] {3}));
        double mrr = RankingMetrics.meanReciprocalRank(new int[][] {RANKED, {4, 8, 2}}, new int[][] {RELEVANT, {2}});
        assertEquals((0.5 + 1.0 / 3) / 2, mrr, 1e-15);
    }

    @Test
    void averagePrecisionByHand() {
        // precision 1/2 at position 2 and 2/5 at position 5, divided by min(|R|, K) = 2
        assertEquals(0.45, RankingMetrics.averagePrecision(RANKED, RELEVANT, 5), 1e-15);
        // only the hit at position 2 within K = 3
        assertEquals(0.25, RankingMetrics.averagePrecision(RANKED, RELEVANT, 3), 1e-15);
        // K = 1 < |R|: denominator 1
        assertEquals(1.0, RankingMetrics.averagePrecision(new int[] {3, 5}, RELEVANT, 1), 1e-15);
        double map = RankingMetrics.meanAveragePrecision(new int[][] {RANKED, {1, 2}}, new int[][] {RELEVANT, {9}}, 5);
        assertEquals(0.45 / 2, map, 1e-15);
    }

    @Test
    void meansOverQueries() {
        int[][] ranked = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        int[][] relevant = {{1}, {6}, {10}};
        assertEquals(2.0 / 3, RankingMetrics.meanHitRate(ranked, relevant, 3), 1e-15);
        assertEquals(1.0 / 3, RankingMetrics.meanHitRate(ranked, relevant, 2), 1e-15);
        assertEquals((1 + 0.5 + 0) / 3, RankingMetrics.meanNdcg(ranked, relevant, 3), 1e-15);
    }

    @Test
    void coverage() {
        assertEquals(0.3, RankingMetrics.catalogCoverage(new int[][] {{0, 1}, {1, 2}}, 10), 1e-15);
        assertEquals(0.0, RankingMetrics.catalogCoverage(new int[][] {{}}, 4));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.catalogCoverage(new int[][] {{10}}, 10));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.hitRate(RANKED, new int[0], 5));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.ndcg(RANKED, RELEVANT, 0));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.ndcg(new int[] {3, 3}, RELEVANT, 2));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.meanNdcg(new int[0][], new int[0][], 10));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.catalogCoverage(new int[0][], 10));
        assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.meanHitRate(new int[][] {RANKED}, new int[0][], 10));
    }
}
