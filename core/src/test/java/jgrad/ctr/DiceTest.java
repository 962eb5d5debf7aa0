package jgrad.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.nn.LayerGradCheck;
import jgrad.tensor.Tensor;

class DiceTest {

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void trainingUsesTheBatchStatisticsByHand() {
        Dice dice = new Dice(1, DType.F64);
        dice.parameters().get("alpha").copyFrom(Tensor.of(new double[] {0.5}, 1));
        // s = (−1, 1): mean 0, biased variance 1, so p = σ(∓1/√(1 + ε)); f = s (p + α (1 − p)).
        double z = 1 / Math.sqrt(1 + Dice.EPSILON);
        double[] expected = {-(sigmoid(-z) + 0.5 * (1 - sigmoid(-z))), sigmoid(z) + 0.5 * (1 - sigmoid(z))};
        assertArrayEquals(expected, dice.forward(Tensor.of(new double[] {-1, 1}, 2, 1)).toDoubleArray(), 1e-12);
    }

    @Test
    void evaluationUsesTheRunningStatistics() {
        Dice dice = new Dice(2, DType.F64);
        // channel 0: mean 2, variance 1; channel 1: mean 0, variance 4.
        dice.forward(Tensor.of(new double[] {1, -2, 3, 2}, 2, 2));
        dice.eval();
        double mean0 = 0.01 * 2;
        double var0 = 0.99 + 0.01 * 1;
        double var1 = 0.99 + 0.01 * 4;
        double p0 = sigmoid((1 - mean0) / Math.sqrt(var0 + Dice.EPSILON));
        double p1 = sigmoid(1 / Math.sqrt(var1 + Dice.EPSILON));
        assertArrayEquals(new double[] {p0, p1}, dice.forward(Tensor.of(new double[] {1, 1}, 1, 2)).toDoubleArray(),
                1e-12);
        assertArrayEquals(new double[] {mean0, 0}, dice.buffers().get("running_mean").toDoubleArray(), 1e-15);
    }

    @Test
    void gradientThroughTheBatchStatisticsMatchesFiniteDifferences() {
        Dice dice = new Dice(3, DType.F64);
        dice.parameters().get("alpha").copyFrom(Tensor.of(new double[] {0.2, -0.3, 0.7}, 3));
        Tensor s = Tensor.randn(new SplittableRandom(5), DType.F64, 0, 1, 2, 4, 3);
        double worst = LayerGradCheck.check("dice", dice.parameters(), List.of(s), (w, in) -> dice.forward(w, in[0]));
        assertTrue(worst < 1e-7, "worst error " + worst);
    }
}
