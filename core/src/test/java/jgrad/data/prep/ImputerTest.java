package jgrad.data.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImputerTest {

    private static final double NaN = Double.NaN;
    // present values 1, 3, 3, 10: mean 17/4, median (3 + 3)/2, mode 3
    private static final double[] TRAIN = {1, NaN, 3, 3, 10};

    @Test
    void fillsWithStatisticsOfTheTrainingColumn() {
        assertEquals(4.25, Imputer.fit(TRAIN, Imputer.Strategy.MEAN).fillValue());
        assertEquals(3.0, Imputer.fit(TRAIN, Imputer.Strategy.MEDIAN).fillValue());
        assertEquals(3.0, Imputer.fit(TRAIN, Imputer.Strategy.MODE).fillValue());
        assertArrayEquals(new double[] {4.25, 2}, Imputer.fit(TRAIN, Imputer.Strategy.MEAN).transform(new double[] {NaN, 2}));
        assertArrayEquals(new double[] {-1, 5}, Imputer.constant(-1).transform(new double[] {NaN, 5}));
    }

    @Test
    void medianInterpolatesAndModePrefersTheSmallestOnTies() {
        assertEquals(2.5, Imputer.fit(new double[] {4, 1, 3, 2}, Imputer.Strategy.MEDIAN).fillValue());
        assertEquals(1.0, Imputer.fit(new double[] {2, 1, 2, 1, 5}, Imputer.Strategy.MODE).fillValue());
    }

    @Test
    void nothingToFitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Imputer.fit(new double[] {NaN}, Imputer.Strategy.MEAN));
        assertThrows(IllegalArgumentException.class, () -> Imputer.fit(new double[0], Imputer.Strategy.MEDIAN));
        assertThrows(IllegalArgumentException.class, () -> Imputer.constant(NaN));
    }

    @Test
    void categoriesFillWithTheModeOrAConstant() {
        CategoryImputer mode = CategoryImputer.mode(new String[] {"a", null, "b", "unknown", "b", "unknown"}, "unknown");
        assertEquals("b", mode.fillValue());
        assertArrayEquals(new String[] {"b", "b", "c"}, mode.transform(new String[] {null, "unknown", "c"}));
        assertEquals("x", CategoryImputer.mode(new String[] {"y", "x"}, null).fillValue());
        assertArrayEquals(new String[] {"?"}, CategoryImputer.constant("?", null).transform(new String[] {null}));
        assertThrows(IllegalArgumentException.class, () -> CategoryImputer.mode(new String[] {null}, null));
    }
}
