package jgrad.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.loss.Losses;
import jgrad.optim.Optimizer;
import jgrad.optim.SGD;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

class FineTuningTest {

    private static Sequential model(long seed, int out) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Sequential(new Dense(3, 4, Activation.TANH, DType.F64, rng),
                new Dense(4, 4, Activation.TANH, DType.F64, rng), new Dense(4, out, Activation.LINEAR, DType.F64, rng));
    }

    /** One SGD step on a fixed batch; returns each parameter's change. */
    private static double[][] step(Sequential m, Optimizer opt) {
        List<double[]> before = m.parameters().values().stream().map(Tensor::toDoubleArray).toList();
        SplittableRandom rng = new SplittableRandom(9);
        Tensor x = Tensor.randn(rng, DType.F64, 0, 1, 5, 3);
        Tensor y = Tensor.randn(rng, DType.F64, 0, 1, 5, 2);
        m.zeroGrad();
        Losses.mse(m.forward(x), y).backward();
        opt.step();
        List<Tensor> after = List.copyOf(m.parameters().values());
        double[][] delta = new double[after.size()][];
        for (int p = 0; p < delta.length; p++) {
            double[] a = after.get(p).toDoubleArray();
            delta[p] = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                delta[p][i] = a[i] - before.get(p)[i];
            }
        }
        return delta;
    }

    @Test
    void aFrozenLayerKeepsItsWeightsAndALayersRateScalesItsStep() {
        // the same model and batch three ways: plain SGD, layer 0 frozen, layer 1 at a quarter of the rate
        Sequential reference = model(1, 2);
        double[][] plain = step(reference, new SGD(0.1).bind(reference));
        Sequential frozen = model(1, 2);
        double[][] withFrozen = step(frozen, FineTuning.of(frozen).freeze("0").bind(new SGD(0.1)));
        Sequential scaled = model(1, 2);
        double[][] withRate = step(scaled, FineTuning.of(scaled).learningRate("1", 0.25).bind(new SGD(0.1)));
        // parameters in order: 0.W, 0.b, 1.W, 1.b, 2.W, 2.b
        assertArrayEquals(new double[plain[0].length], withFrozen[0], 0.0);
        assertArrayEquals(new double[plain[1].length], withFrozen[1], 0.0);
        for (int p = 2; p < 6; p++) {
            assertArrayEquals(plain[p], withFrozen[p], 0.0, "parameter " + p);   // the gradient still flows
        }
        for (int p = 0; p < 6; p++) {
            double factor = p == 2 || p == 3 ? 0.25 : 1;
            for (int i = 0; i < plain[p].length; i++) {
                assertEquals(factor * plain[p][i], withRate[p][i], 1e-15, "parameter " + p + " element " + i);
            }
        }
    }

    @Test
    void copyLayersMovesPretrainedWeightsUnderANewHead() {
        Sequential pretrained = model(1, 8);
        Sequential fresh = model(2, 2);
        FineTuning.copyLayers(pretrained, fresh, "0", "1");
        assertArrayEquals(pretrained.parameters().get("1.W").toDoubleArray(), fresh.parameters().get("1.W").toDoubleArray(), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FineTuning.copyLayers(pretrained, fresh, "2"));
        assertEquals("copyLayers: parameter '2.W' has shape [8, 4] in the source but [2, 4] in the target", e.getMessage());
    }

    @Test
    void unknownLayersAndNothingToTrainAreErrors() {
        Sequential m = model(1, 2);
        FineTuning t = FineTuning.of(m);
        assertEquals(List.of("0", "1", "2"), t.layers());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.freeze("head"));
        assertEquals("no layer 'head' in the model; its layers are [0, 1, 2]", e.getMessage());
        t.freeze("0", "1", "2");
        assertTrue(t.isFrozen("1"));
        assertThrows(IllegalStateException.class, () -> t.bind(new SGD(0.1)));
        t.unfreeze("2");
        assertEquals(List.of("2.W", "2.b"), List.copyOf(t.trainable().keySet()));
        assertThrows(IllegalArgumentException.class, () -> t.learningRate("1", 0));
    }
}
