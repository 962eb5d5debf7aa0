package jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The max-norm projection against rows worked by hand (3-4-5 triangles). */
class MaxNormTest {

    @Test
    void rowsLongerThanTheRadiusAreRescaledToItAndShorterOnesKept() {
        // row norms 5, 0.5 and 10 against the radius 2.5
        Tensor w = Tensor.of(new double[] {3, 4, 0.3, 0.4, 6, 8}, 3, 2);
        MaxNorm.apply(w, 2.5);
        assertArrayEquals(new double[] {1.5, 2, 0.3, 0.4, 1.5, 2}, w.toDoubleArray(), 1e-12);
    }

    @Test
    void theOptimizerProjectsTheNamedMatricesAfterItsUpdate() {
        Tensor w = Tensor.of(new double[] {3, 4, 0, 1}, 2, 2).requiresGrad(true);
        Tensor other = Tensor.of(new double[] {3, 4}, 1, 2).requiresGrad(true);
        Optimizer sgd = new SGD(1.0).bind(Map.of("out.W", w, "hidden.W", other)).maxNorm("out.W"::equals, 3);
        w.mul(w).sum().mul(-0.5).add(other.sum().mul(0)).backward();   // ∂/∂w = −w: the step doubles w
        sgd.step();
        // [6, 8] has norm 10 → [1.8, 2.4]; [0, 2] stays; the other matrix is not constrained
        assertArrayEquals(new double[] {1.8, 2.4, 0, 2}, w.toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {3, 4}, other.toDoubleArray(), 1e-12);
    }

    @Test
    void aRadiusThatIsNotPositiveOrAVectorIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MaxNorm.apply(Tensor.of(new double[] {1, 2}, 1, 2), 0));
        assertThrows(IllegalArgumentException.class, () -> MaxNorm.apply(Tensor.of(new double[] {1, 2}, 2), 1));
    }
}
