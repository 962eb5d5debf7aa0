package jgrad.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import jgrad.data.split.Split;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    @Test
    void everyRowIsTestedOnceAndTrainedOnInTheOtherFolds() {
        int n = 23;
        List<Split<int[]>> folds = CrossValidation.folds(n, 5, 7);
        int[] tested = new int[n];
        for (Split<int[]> f : folds) {
            assertTrue(f.test().length == 4 || f.test().length == 5, "sizes differ by at most one");
            int[] all = IntStream.concat(Arrays.stream(f.train()), Arrays.stream(f.test())).sorted().toArray();
            assertArrayEquals(IntStream.range(0, n).toArray(), all);
            Arrays.stream(f.test()).forEach(r -> tested[r]++);
        }
        assertArrayEquals(IntStream.generate(() -> 1).limit(n).toArray(), tested);
    }

    @Test
    void theSeedDecidesTheFolds() {
        assertArrayEquals(CrossValidation.folds(50, 10, 3).get(0).test(), CrossValidation.folds(50, 10, 3).get(0).test());
        assertFalse(Arrays.equals(CrossValidation.folds(50, 10, 3).get(0).test(),
                CrossValidation.folds(50, 10, 4).get(0).test()));
    }

    @Test
    void foldsMustBeBetweenTwoAndTheRows() {
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.folds(10, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.folds(3, 4, 0));
    }

    @Test
    void meanAndSampleDeviation() {
        List<CrossValidation.Fold> f = List.of(new CrossValidation.Fold(1, 9, 1, 0.7, 0),
                new CrossValidation.Fold(2, 9, 1, 0.8, 0), new CrossValidation.Fold(3, 9, 1, 0.9, 0));
        assertEquals(0.8, CrossValidation.mean(f), 1e-12);
        assertEquals(0.1, CrossValidation.standardDeviation(f), 1e-12);
    }
}
