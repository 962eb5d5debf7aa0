package jgrad.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class IdRowsTest {

    /** 1000 rows of 10 ids, row i using 1 + i % 10 of them, padded at the end. */
    private static IdRows rows(boolean padFront) {
        List<int[]> rows = new ArrayList<>();
        int[] used = new int[1000];
        for (int i = 0; i < used.length; i++) {
            used[i] = 1 + i % 10;
            int[] ids = new int[10];
            for (int j = 0; j < used[i]; j++) {
                ids[padFront ? 10 - used[i] + j : j] = 2 + j;
            }
            rows.add(ids);
        }
        return new IdRows(rows, used, padFront, 3);
    }

    @Test
    void bucketedBatchesHoldEveryRowOnceAndMostlyOneWidth() {
        IdRows x = rows(false);
        int[][] batches = x.bucketedBatches(25, new SplittableRandom(1));
        int[] seen = new int[1000];
        int padded = 0;
        for (int[] b : batches) {
            int widest = Arrays.stream(b).map(x::width).max().orElseThrow();
            for (int r : b) {
                seen[r]++;
                padded += widest - x.width(r);
            }
        }
        assertArrayEquals(new int[1000], Arrays.stream(seen).map(c -> c - 1).toArray());
        assertTrue(padded < 1000 * 0.5, "padding per row " + padded / 1000.0);
        assertArrayEquals(batches[0], x.bucketedBatches(25, new SplittableRandom(1))[0]);
    }

    @Test
    void aBatchIsCutToItsWidestRowAtThePaddedEnd() {
        IdRows end = rows(false);
        assertEquals(4, end.width(3));
        assertEquals(3, end.width(0), "at least the shortest width");
        assertArrayEquals(new float[] {2, 0, 0, 0, 2, 3, 4, 5}, end.batch(new int[] {0, 3}).toFloatArray());
        IdRows front = rows(true);
        assertArrayEquals(new float[] {0, 0, 0, 2, 2, 3, 4, 5}, front.batch(new int[] {0, 3}).toFloatArray());
    }

    @Test
    void wordDropoutReplacesWordsButNotPaddingAtTheSeededRate() {
        IdRows x = rows(false);
        int[] picked = java.util.stream.IntStream.range(0, 1000).toArray();
        float[] plain = x.batch(picked).toFloatArray();
        assertArrayEquals(plain, x.batch(picked, 0, null).toFloatArray(), "rate 0 draws nothing");
        float[] dropped = x.batch(picked, 0.3, new SplittableRandom(9)).toFloatArray();
        assertArrayEquals(dropped, x.batch(picked, 0.3, new SplittableRandom(9)).toFloatArray(), "same seed");
        int words = 0, unknown = 0;
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] == WordIds.PAD) {
                assertEquals(WordIds.PAD, dropped[i], "padding stays padding at " + i);
            } else {
                words++;
                assertTrue(dropped[i] == plain[i] || dropped[i] == WordIds.UNKNOWN, "a word or UNKNOWN at " + i);
                unknown += dropped[i] == WordIds.UNKNOWN ? 1 : 0;
            }
        }
        // 5,500 words at p = 0.3: sd √(5500·0.21) ≈ 34, so ±150 is over 4 sd.
        assertEquals(0.3 * words, unknown, 150, unknown + " of " + words + " words dropped");
    }
}
