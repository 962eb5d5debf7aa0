package jgrad.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void highestFirstTiesToLowerIndex() {
        double[] scores = {0.2, 0.9, 0.5, 0.9, 0.1};
        assertArrayEquals(new int[] {1, 3, 2}, TopK.indices(scores, 3));
        assertArrayEquals(new int[] {1, 3, 2, 0, 4}, TopK.indices(scores, 10));
        assertArrayEquals(new int[0], TopK.indices(scores, 0));
        assertArrayEquals(new int[0], TopK.indices(new double[0], 3));
    }

    @Test
    void agreesWithAFullSort() {
        SplittableRandom random = new SplittableRandom(11);
        double[] scores = random.doubles(1000).map(d -> Math.floor(d * 50)).toArray();
        int[] sorted = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        for (int k : new int[] {1, 7, 100, 1000}) {
            assertArrayEquals(java.util.Arrays.copyOf(sorted, k), TopK.indices(scores, k), "k=" + k);
        }
    }

    @Test
    void leavesOutExcludedIndicesAndScoresBeyondN() {
        double[] scores = {0.2, 0.9, 0.5, 0.9, 0.1, 99, 98};   // the last two lie beyond n = 5
        boolean[] excluded = {false, true, false, false, false, false, false};
        assertArrayEquals(new int[] {3, 2, 0}, TopK.indices(scores, 5, excluded, 3));
        assertArrayEquals(new int[] {3, 2, 0, 4}, TopK.indices(scores, 5, excluded, 10), "fewer when fewer remain");
    }

    @Test
    void rankIsPessimisticOnTies() {
        double[] scores = {0.2, 0.9, 0.5, 0.9};
        assertEquals(3, TopK.rankOf(scores, 2));
        assertEquals(2, TopK.rankOf(scores, 1));
        assertEquals(4, TopK.rankOf(scores, 0));
        assertEquals(3, TopK.rankOf(new double[] {1, 1, 1}, 0));
    }
}
