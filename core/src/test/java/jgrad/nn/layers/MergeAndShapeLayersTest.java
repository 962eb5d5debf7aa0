package jgrad.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.nn.LayerGradCheck;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/** Flatten, Concat, Dot and Dropout. */
class MergeAndShapeLayersTest {

    private final SplittableRandom rng = new SplittableRandom(3);

    private Tensor randn(int... shape) {
        return Tensor.randn(rng, DType.F64, 0, 1, shape);
    }

    @Test
    void gradients() {
        LayerGradCheck.check("Flatten", Map.of(), List.of(randn(2, 3, 2)), (w, in) -> new Flatten().forward(in[0]));
        LayerGradCheck.check("Concat", Map.of(), List.of(randn(2, 3), randn(2, 2)), (w, in) -> new Concat().forward(in));
        LayerGradCheck.check("Dot", Map.of(), List.of(randn(3, 4), randn(3, 4)), (w, in) -> new Dot().forward(in));
        LayerGradCheck.check("Dot normalized", Map.of(), List.of(randn(3, 4), randn(3, 4)),
                (w, in) -> new Dot(true).forward(in));
        // a fresh generator of one seed per call, so that every evaluation draws the same mask
        LayerGradCheck.check("Dropout", Map.of(), List.of(randn(4, 5)),
                (w, in) -> new Dropout(0.5, new SplittableRandom(9)).forward(in[0]));
    }

    @Test
    void handComputedValues() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        Tensor b = Tensor.of(new double[] {5, 6, 7, 8}, 2, 2);
        assertArrayEquals(new double[] {17, 53}, new Dot().forward(a, b).toDoubleArray());
        assertArrayEquals(new int[] {2, 1}, new Dot().forward(a, b).shape());
        assertEquals(17 / Math.sqrt(5 * 61), new Dot(true).forward(a, b).get(0, 0), 1e-12);
        assertArrayEquals(new double[] {1, 2, 5, 6, 3, 4, 7, 8}, new Concat().forward(a, b).toDoubleArray());
        assertArrayEquals(new int[] {2, 6}, new Flatten().forward(Tensor.zeros(2, 3, 2)).shape());
    }

    @Test
    void dropoutIsInvertedInTrainingAndOffInEvaluation() {
        Dropout d = new Dropout(0.25, new SplittableRandom(4));
        Tensor x = Tensor.ones(DType.F64, 100, 100);
        double[] y = d.forward(x).toDoubleArray();
        long zeros = java.util.Arrays.stream(y).filter(v -> v == 0).count();
        assertTrue(java.util.Arrays.stream(y).allMatch(v -> v == 0 || Math.abs(v - 1 / 0.75) < 1e-12));
        assertEquals(2500, zeros, 150, "about a quarter dropped");
        assertEquals(1, java.util.Arrays.stream(y).average().orElseThrow(), 0.03, "inverted: mean kept");
        d.eval();
        assertSame(x, d.forward(x));
        d.train();
        assertNotEquals(0, java.util.Arrays.stream(d.forward(x).toDoubleArray()).filter(v -> v == 0).count());
    }

    @Test
    void dropoutIsReproducibleFromTheSeed() {
        Tensor x = Tensor.ones(DType.F64, 10, 10);
        assertArrayEquals(new Dropout(0.5, new SplittableRandom(7)).forward(x).toDoubleArray(),
                new Dropout(0.5, new SplittableRandom(7)).forward(x).toDoubleArray());
    }

    @Test
    void badInputsNameTheLayer() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Concat().forward(Tensor.zeros(2, 3), Tensor.zeros(3, 3)));
        assertTrue(e.getMessage().contains("Concat(axis=-1)") && e.getMessage().contains("[2, 3]")
                && e.getMessage().contains("[3, 3]"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> new Dot().forward(Tensor.zeros(2, 3), Tensor.zeros(2, 4)));
        assertTrue(e2.getMessage().contains("Dot") && e2.getMessage().contains("[2, 4]"), e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1, rng));
    }
}
