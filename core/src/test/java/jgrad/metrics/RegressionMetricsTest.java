package jgrad.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RegressionMetricsTest {

    @Test
    void rmseAndMaeByHand() {
        // errors 0, -2, 3: squares 0 + 4 + 9 = 13, absolute 0 + 2 + 3 = 5
        double[] predicted = {1, 2, 3};
        double[] actual = {1, 4, 0};
        assertEquals(Math.sqrt(13.0 / 3), RegressionMetrics.rmse(predicted, actual), 1e-15);
        assertEquals(5.0 / 3, RegressionMetrics.mae(predicted, actual), 1e-15);
        assertEquals(Math.sqrt(13.0 / 3), RegressionMetrics.rmse(new float[] {1, 2, 3}, new float[] {1, 4, 0}), 1e-15);
        assertEquals(5.0 / 3, RegressionMetrics.mae(new float[] {1, 2, 3}, new float[] {1, 4, 0}), 1e-15);
    }

    @Test
    void perfectPredictionHasZeroError() {
        assertEquals(0, RegressionMetrics.rmse(new double[] {3.5}, new double[] {3.5}));
    }

    @Test
    void emptyOrMismatchedInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.rmse(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.mae(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.rmse(new double[1], new double[2]));
    }
}
