package jgrad.nn.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.nn.LayerGradCheck;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** LayerNorm and BatchNorm: values worked out by hand, running statistics, float64 gradient checks. */
class NormLayersTest {

    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new SplittableRandom(seed), DType.F64, 0, 1, shape);
    }

    @Test
    void layerNormByHand() {
        // Row [1, 2, 3, 6]: μ = 3, σ² = (4 + 1 + 0 + 9) / 4 = 3.5.
        LayerNorm norm = new LayerNorm(4, 1e-5, DType.F64);
        double s = Math.sqrt(3.5 + 1e-5);
        assertArrayEquals(new double[] {-2 / s, -1 / s, 0, 3 / s},
                norm.forward(Tensor.of(new double[] {1, 2, 3, 6}, 1, 4)).toDoubleArray(), 1e-12);
    }

    @Test
    void batchNormTrainsOnTheBatchAndKeepsRunningStatistics() {
        // Channel 0 holds 1, 3 (μ 2, σ² 1, unbiased 2); channel 1 holds 4, 4 (μ 4, σ² 0).
        BatchNorm norm = new BatchNorm(2, 0.9, 1e-3, DType.F64);
        Tensor x = Tensor.of(new double[] {1, 4, 3, 4}, 2, 2);
        double s = Math.sqrt(1 + 1e-3);
        assertArrayEquals(new double[] {-1 / s, 0, 1 / s, 0}, norm.forward(x).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0.1 * 2, 0.1 * 4}, norm.runningMean().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {0.9 + 0.1 * 2, 0.9}, norm.runningVar().toDoubleArray(), 1e-15);
        norm.forward(x);
        assertArrayEquals(new double[] {0.9 * 0.2 + 0.2, 0.9 * 0.4 + 0.4}, norm.runningMean().toDoubleArray(), 1e-15);
        norm.eval();
        double rm = 0.38;
        double rv = 0.9 * 1.1 + 0.2;
        assertArrayEquals(new double[] {(1 - rm) / Math.sqrt(rv + 1e-3)},
                java.util.Arrays.copyOf(norm.forward(x).toDoubleArray(), 1), 1e-12);
        assertArrayEquals(new double[] {0.38, 0.76}, norm.runningMean().toDoubleArray(), 1e-15);  // eval leaves them
    }

    @Test
    void gradients() {
        LayerNorm ln = new LayerNorm(5, 1e-5, DType.F64);
        ln.parameters().get("gamma").copyFrom(randn(1, 5));
        LayerGradCheck.check("LayerNorm", ln.parameters(), List.of(randn(2, 2, 3, 5)), (w, in) -> ln.forward(w, in[0]));
        BatchNorm bn = new BatchNorm(3, 0.99, 1e-5, DType.F64);
        bn.parameters().get("beta").copyFrom(randn(3, 3));
        LayerGradCheck.check("BatchNorm 4-d", bn.parameters(), List.of(randn(4, 2, 3, 2, 3)), (w, in) -> bn.forward(w, in[0]));
        LayerGradCheck.check("BatchNorm 2-d", bn.parameters(), List.of(randn(5, 4, 3)), (w, in) -> bn.forward(w, in[0]));
    }

    @Test
    void badInputsAreNamed() {
        BatchNorm bn = new BatchNorm(3, DType.F32);
        var e = assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("BatchNorm(channels=3)") && e.getMessage().contains("[2, 4]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(1, 3)));
        assertTrue(e.getMessage().contains("at least 2 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LayerNorm(4, 1e-5, DType.F32).forward(Tensor.zeros(2, 5)));
        assertTrue(e.getMessage().contains("[..., 4]"), e.getMessage());
    }
}
