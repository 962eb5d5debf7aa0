package jgrad.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The protocol's HR@K and NDCG@K against values worked out by hand (in the comments). */
class NextItemEvaluationTest {

    /** Item scores 1 … 6, whatever the history. */
    private static final double[] SCORES = {0, 0.9, 0.1, 0.5, 0.3, 0.7, 0.6};
    private static final double NDCG_AT_2 = 1 / (Math.log(3) / Math.log(2));

    /** User 10: 1 2 3 | valid 4 | test 5; user 20: 6 | valid 5 | test 4. */
    private static SequenceData data() {
        return new SequenceData(6, new int[] {10, 20}, new int[][] {{1, 2, 3, 4, 5}, {6, 5, 4}},
                new int[][] {{6}, {1, 2}}, new int[][] {{6}, {1, 2, 3}});
    }

    private static NextItemScorer fixed(double[] scores) {
        return new NextItemScorer() {
            @Override public int numItems() { return scores.length - 1; }

            @Override
            public double[][] scores(int[][] histories) {
                double[][] out = new double[histories.length][];
                Arrays.setAll(out, b -> scores.clone());
                return out;
            }
        };
    }

    @Test
    void validationTargetsRankedByHand() {
        // user 10, target 4 (0.3): sampled {4, 6 (0.6)} -> rank 2; full {4, 5 (0.7), 6 (0.6)} -> rank 3 (> K).
        // user 20, target 5 (0.7): sampled {5, 1 (0.9), 2} -> rank 2; full {1 … 5} -> rank 2.
        var m = NextItemEvaluation.evaluate(fixed(SCORES), data(), SequenceData.Target.VALID, 2);
        assertEquals(1.0, m.hitRateSampled(), 1e-12);
        assertEquals(NDCG_AT_2, m.ndcgSampled(), 1e-12);
        assertEquals(0.5, m.hitRateFull(), 1e-12);
        assertEquals(NDCG_AT_2 / 2, m.ndcgFull(), 1e-12);
    }

    @Test
    void testTargetsReadTheValidationItemAsHistory() {
        // user 10, target 5 (0.7): sampled {5, 6} -> rank 1; full {5, 6} (1 … 4 are history) -> rank 1.
        // user 20, target 4 (0.3): sampled {4, 1 (0.9), 2, 3 (0.5)} -> rank 3; full {1, 2, 3, 4} -> rank 3.
        var m = NextItemEvaluation.evaluate(fixed(SCORES), data(), SequenceData.Target.TEST, 2);
        assertEquals(0.5, m.hitRateSampled(), 1e-12);
        assertEquals(0.5, m.ndcgSampled(), 1e-12);
        assertEquals(0.5, m.hitRateFull(), 1e-12);
        assertEquals(0.5, m.ndcgFull(), 1e-12);
    }

    @Test
    void tiesRankTheTargetLastSoConstantScoresEarnNothing() {
        double[] flat = new double[7];
        var m = NextItemEvaluation.evaluate(fixed(flat), data(), SequenceData.Target.VALID, 1);
        assertEquals(0, m.hitRateSampled());
        assertEquals(0, m.hitRateFull());
        assertEquals(4, NextItemEvaluation.fullRank(flat, 4, new int[] {1, 2}));   // 3, 4, 5, 6 tie
    }

    @Test
    void popularityCountsTrainingPrefixesOnly() {
        SequenceData d = data();
        double[] s = PopularityScorer.fit(d).scores(new int[][] {{1}})[0];
        assertEquals(Arrays.toString(new double[] {0, 1, 1, 1, 0, 0, 1}), Arrays.toString(s));
    }
}
