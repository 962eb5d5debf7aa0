package jgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import jgrad.optim.Adam;
import jgrad.optim.LearningRateSchedule;
import jgrad.optim.Optimizer;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;
import jgrad.testing.TestLayers;

/** The PyTorch-like base: a module, an optimizer, and the loop written out. */
class ExplicitLoopTest {

    @Test
    void theExplicitLoopFitsALine() {
        Random rng = new Random(11);
        Tensor x = Tensor.randn(rng, DType.F64, 0, 1, 64, 2);
        Tensor y = x.matmul(Tensor.of(new double[] {2, -3}, 2, 1)).add(1);          // y = 2·x₁ − 3·x₂ + 1

        var model = new TestLayers.Affine(2, 1, DType.F64, 3);
        Optimizer opt = new Adam(0.1).schedule(LearningRateSchedule.cosine(0.1, 300, 0.01)).bind(model);
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < 300; step++) {
            opt.zeroGrad();
            Tensor loss = TestLayers.mse(model.forward(x), y);
            loss.backward();
            opt.step();
            first = step == 0 ? loss.item() : first;
            last = loss.item();
        }

        assertTrue(last < 1e-4 * first, "loss went from " + first + " to " + last);
        assertEquals(2, model.parameters().get("W").get(0, 0), 1e-2);
        assertEquals(-3, model.parameters().get("W").get(0, 1), 1e-2);
        assertEquals(1, model.parameters().get("b").get(0), 1e-2);
    }
}
