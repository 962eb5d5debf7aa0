package jgrad.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.nn.LayerGradCheck;
import jgrad.tensor.Tensor;

class LocalActivationUnitTest {

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void weightsOfATinyUnitByHand() {
        // D = 1, H = 1, sigmoid: a = 2 σ(h + h·c) − 1 with W₁ = [1, 0, 0, 1] over [h, c, h − c, h ⊙ c].
        LocalActivationUnit unit = new LocalActivationUnit(1, 1, Unit.SIGMOID, DType.F64, new SplittableRandom(1));
        unit.parameters().get("hidden.dense.W").copyFrom(Tensor.of(new double[] {1, 0, 0, 1}, 1, 4));
        unit.parameters().get("out.W").copyFrom(Tensor.of(new double[] {2}, 1, 1));
        unit.parameters().get("out.b").copyFrom(Tensor.of(new double[] {-1}, 1));
        Tensor history = Tensor.of(new double[] {0, 1, -1, 0.5, 2, 3}, 2, 3, 1);
        Tensor candidate = Tensor.of(new double[] {1, -2}, 2, 1);
        double[] h = {0, 1, -1, 0.5, 2, 3};
        double[] c = {1, 1, 1, -2, -2, -2};
        double[] expected = new double[6];
        for (int i = 0; i < 6; i++) {
            expected[i] = 2 * sigmoid(h[i] + h[i] * c[i]) - 1;
        }
        assertArrayEquals(expected, unit.forward(history, candidate).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0, 2 * sigmoid(2) - 1}, java.util.Arrays.copyOf(expected, 2), 0);
    }

    @Test
    void gradientMatchesFiniteDifferencesWithEachUnit() {
        for (Unit f : Unit.values()) {
            LocalActivationUnit unit = new LocalActivationUnit(3, 4, f, DType.F64, new SplittableRandom(2));
            Tensor history = Tensor.randn(new SplittableRandom(3), DType.F64, 0, 1, 2, 5, 3);
            Tensor candidate = Tensor.randn(new SplittableRandom(4), DType.F64, 0, 1, 2, 3);
            double worst = LayerGradCheck.check("local activation unit, " + f.label(), unit.parameters(),
                    List.of(history, candidate), (w, in) -> unit.forward(w, in[0], in[1]));
            assertTrue(worst < 1e-7, f + ": worst error " + worst);
        }
    }

    @Test
    void mismatchedShapesAreNamed() {
        LocalActivationUnit unit = new LocalActivationUnit(3, 4, Unit.RELU, DType.F64, new SplittableRandom(2));
        var e = assertThrows(IllegalArgumentException.class,
                () -> unit.forward(Tensor.zeros(DType.F64, 2, 5, 3), Tensor.zeros(DType.F64, 2, 4)));
        assertTrue(e.getMessage().contains("[2, 4]") && e.getMessage().contains("D=3"), e.getMessage());
    }
}
