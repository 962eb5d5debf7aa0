package jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void lastPartialBatchIsKept() {
        int[][] batches = Batches.sequential(10, 4);
        assertArrayEquals(new int[][] {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9}}, batches);
        assertEquals(0, Batches.sequential(0, 4).length);
        assertEquals(1, Batches.sequential(3, 4).length);
    }

    @Test
    void shuffledBatchesCoverEveryRowOnceAndDependOnlyOnTheSeed() {
        int[][] a = Batches.shuffled(1001, 32, new SplittableRandom(42));
        int[][] b = Batches.shuffled(1001, 32, new SplittableRandom(42));
        int[][] c = Batches.shuffled(1001, 32, new SplittableRandom(43));
        assertArrayEquals(a, b);
        assertNotEquals(Arrays.deepToString(a), Arrays.deepToString(c));
        assertEquals(32, a.length);
        assertEquals(1001 % 32, a[31].length);
        int[] all = Arrays.stream(a).flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(java.util.stream.IntStream.range(0, 1001).toArray(), all);
    }

    /** Fit shuffles with a java.util.Random: the draws are nextInt(i + 1) for i = n−1 … 1, each a swap. */
    @Test
    void aJavaUtilRandomDrawsTheSameSwapsAsTheFormula() {
        java.util.Random draws = new java.util.Random(7);
        int[] expected = {0, 1, 2, 3, 4};
        for (int i = 4; i > 0; i--) {
            int j = draws.nextInt(i + 1);
            int t = expected[i];
            expected[i] = expected[j];
            expected[j] = t;
        }
        assertArrayEquals(expected, Batches.permutation(5, new java.util.Random(7)));
        assertArrayEquals(new int[][] {{expected[0], expected[1]}, {expected[2], expected[3]}, {expected[4]}},
                Batches.shuffled(5, 2, new java.util.Random(7)));
    }

    @Test
    void permutationIsUniformOverPositions() {
        // over many shuffles of 4 rows, each row lands in each position about 1/4 of the time
        SplittableRandom random = new SplittableRandom(1);
        int[][] counts = new int[4][4];
        int trials = 40_000;
        for (int t = 0; t < trials; t++) {
            int[] p = Batches.permutation(4, random);
            for (int pos = 0; pos < 4; pos++) {
                counts[p[pos]][pos]++;
            }
        }
        for (int[] row : counts) {
            for (int count : row) {
                assertEquals(trials / 4.0, count, trials * 0.01);
            }
        }
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Batches.sequential(10, 0));
        assertThrows(IllegalArgumentException.class, () -> Batches.permutation(-1, new SplittableRandom(1)));
    }
}
