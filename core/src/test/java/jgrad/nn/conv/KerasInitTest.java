package jgrad.nn.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import jgrad.nn.Activation;
import org.junit.jupiter.api.Test;

/**
 * The convolutions start as Keras's Conv1D/Conv2D: W ~ U(−a, a), a = √(6 / (fan_in + fan_out)) with
 * fan_in = C·taps and fan_out = C_out·taps (glorot_uniform over the receptive field), b = 0. Checked on
 * fashion-cnn's second layer by the bound and the variance a²/3 of the uniform distribution.
 */
class KerasInitTest {

    @Test
    void conv2dIsGlorotUniformOverTheReceptiveFieldWithZeroBias() {
        Conv2D conv = new Conv2D(32, 64, 3, Activation.RELU, new SplittableRandom(0));
        double a = Math.sqrt(6.0 / (32 * 9 + 64 * 9));
        double[] w = conv.parameters().get("W").toDoubleArray();
        double max = 0;
        double sumSq = 0;
        for (double v : w) {
            max = Math.max(max, Math.abs(v));
            sumSq += v * v;
        }
        assertTrue(max <= a && max > 0.999 * a, "max |W| " + max + " against a = " + a);
        // 18,432 draws: the variance estimate's relative standard error is about 0.7 %
        assertEquals(a * a / 3, sumSq / w.length, a * a / 3 * 0.03);
        for (double b : conv.parameters().get("b").toDoubleArray()) {
            assertEquals(0, b);
        }
    }

    @Test
    void conv1dUsesItsKernelWidthAsTheReceptiveField() {
        Conv1D conv = new Conv1D(128, 100, 5, Activation.RELU, new SplittableRandom(0));
        double a = Math.sqrt(6.0 / (128 * 5 + 100 * 5));
        double max = 0;
        for (double v : conv.parameters().get("W").toDoubleArray()) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= a && max > 0.999 * a, "max |W| " + max + " against a = " + a);
    }
}
