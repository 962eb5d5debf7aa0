package jgrad.data.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScalingTest {

    // mean 5, population standard deviation 2
    private static final double[] TRAIN = {2, 4, 4, 4, 5, 5, 7, 9};

    @Test
    void standardizesWithTrainingMeanAndStd() {
        StandardScaler s = StandardScaler.fit(TRAIN);
        assertEquals(5.0, s.mean());
        assertEquals(2.0, s.std());
        // a test value far outside the training data still uses the training statistics
        assertArrayEquals(new double[] {0, 2, -2, 47.5}, s.transform(new double[] {5, 9, 1, 100}));
        assertArrayEquals(new double[] {5, 9}, s.inverse(new double[] {0, 2}));
        assertEquals(5.0, StandardScaler.fit(new double[] {2, Double.NaN, 8}).mean());
    }

    @Test
    void constantColumnIsOnlyCentred() {
        StandardScaler s = StandardScaler.fit(new double[] {3, 3});
        assertArrayEquals(new double[] {0, 1}, s.transform(new double[] {3, 4}));
        MinMaxScaler m = MinMaxScaler.fit(new double[] {3, 3});
        assertArrayEquals(new double[] {0, 1}, m.transform(new double[] {3, 4}));
        assertEquals(3.0, m.max());
    }

    @Test
    void minMaxMapsTheTrainingRangeToUnitInterval() {
        MinMaxScaler m = MinMaxScaler.fit(new double[] {2, 6, 4});
        assertEquals(2.0, m.min());
        assertEquals(6.0, m.max());
        assertArrayEquals(new double[] {0, 1, 0.75, 2}, m.transform(new double[] {2, 6, 5, 10}));
    }

    @Test
    void iqrBoundsFlagAndClip() {
        // quartiles of 1, 2, 3, 4, 100 are 2 and 4: IQR 2, bounds 2 − 3 and 4 + 3
        OutlierBounds b = OutlierBounds.fitIqr(new double[] {1, 2, 3, 4, 100}, 1.5);
        assertEquals(-1.0, b.lower());
        assertEquals(7.0, b.upper());
        assertArrayEquals(new boolean[] {false, true, false, false}, b.flag(new double[] {0, 8, 5, Double.NaN}));
        assertArrayEquals(new double[] {-1, 7, 5}, b.clip(new double[] {-5, 8, 5}));
    }

    @Test
    void zScoreBounds() {
        OutlierBounds b = OutlierBounds.fitZScore(TRAIN, 1);
        assertEquals(3.0, b.lower());
        assertEquals(7.0, b.upper());
        assertArrayEquals(new boolean[] {true, false, true}, b.flag(new double[] {2.9, 3, 7.5}));
        assertThrows(IllegalArgumentException.class, () -> OutlierBounds.fitZScore(TRAIN, 0));
    }

    @Test
    void statisticsThatAreNotFiniteAreRefusedAtFitNamingTheColumn() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> StandardScaler.fit(new double[] {1, 2, 1e308}, "column 'balance'"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("column 'balance': its fitted mean")
                && e.getMessage().contains("values as large as 1.0E308"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> StandardScaler.fit(new double[] {1, Double.NEGATIVE_INFINITY}, "column 'age'"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("column 'age': the training values include"
                + " -Infinity"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MinMaxScaler.fit(new double[] {-1e308, 1e308}, "column 'x'"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("column 'x': its fitted range"),
                e.getMessage());
        assertEquals(1e307, StandardScaler.fit(new double[] {1e307, 1e307}).mean(), "large but finite is fine");
    }
}
