package jgrad.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.nn.Activation;
import jgrad.nn.LayerGradCheck;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

class DenseTest {

    private final SplittableRandom rng = new SplittableRandom(1);

    @Test
    void gradientsForEveryActivation() {
        for (String f : List.of("linear", "relu", "leaky_relu", "sigmoid", "tanh", "softmax")) {
            Dense dense = new Dense(4, 3, Activation.of(f), DType.F64, rng);
            // inputs away from 0 so that relu's kink is not within ε of any pre-activation
            Tensor x = Tensor.rand(rng, DType.F64, 0.5, 1.5, 5, 4);
            double worst = LayerGradCheck.check("Dense " + f, dense.parameters(), List.of(x),
                    (w, in) -> dense.forward(w, in[0]));
            System.out.println("Dense " + f + " grad check worst error " + worst);
        }
    }

    @Test
    void handComputedValue() {
        Dense dense = new Dense(2, 2, Activation.RELU, DType.F64, rng);
        Map<String, Tensor> w = Map.of("W", Tensor.of(new double[] {1, 2, -3, 1}, 2, 2), "b", Tensor.of(new double[] {0.5, 1}, 2));
        // W x + b for x = (1, 1): (1 + 2 + 0.5, −3 + 1 + 1) = (3.5, −1) → relu (3.5, 0)
        assertArrayEquals(new double[] {3.5, 0}, dense.forward(w, Tensor.of(new double[] {1, 1}, 1, 2)).toDoubleArray(), 1e-15);
        Dense leaky = new Dense(2, 2, Activation.leakyRelu(0.1), DType.F64, rng);
        assertArrayEquals(new double[] {3.5, -0.1}, leaky.forward(w, Tensor.of(new double[] {1, 1}, 1, 2)).toDoubleArray(), 1e-15);
    }

    @Test
    void parametersAreNamedAndShapedAsInTheFormula() {
        Dense dense = new Dense(4, 3, Activation.TANH, rng);
        assertArrayEquals(new int[] {3, 4}, dense.parameters().get("W").shape());
        assertArrayEquals(new int[] {3}, dense.parameters().get("b").shape());
        assertArrayEquals(new int[] {2, 7, 3}, dense.forward(Tensor.zeros(2, 7, 4)).shape());
    }

    @Test
    void badInputNamesLayerAndShapes() {
        Dense dense = new Dense(4, 3, Activation.RELU, rng);
        var e = assertThrows(IllegalArgumentException.class, () -> dense.forward(Tensor.zeros(2, 5)));
        assertTrue(e.getMessage().contains("Dense(in=4, out=3, relu)") && e.getMessage().contains("[2, 5]")
                && e.getMessage().contains("[..., 4]"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> Activation.of("swish"));
        assertTrue(e2.getMessage().contains("swish"), e2.getMessage());
    }
}
