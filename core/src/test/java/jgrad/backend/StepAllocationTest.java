package jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.loss.SoftmaxCrossEntropy;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.testing.Allocations;
import jgrad.tensor.Tensor;

/**
 * What a steady-state training step allocates with and without step memory. The numeric buffers of
 * the 784-128-10 step (the 401 KB weight gradient, the batch, the activations) come back from the
 * {@link Arena}; what remains are the graph's small objects, whose count does not grow with the model.
 */
class StepAllocationTest {

    static final class Classifier extends Module {
        final Dense hidden;
        final Dropout dropout;
        final Dense out;

        Classifier(SplittableRandom rng) {
            hidden = child("hidden", new Dense(784, 128, Activation.RELU, rng));
            dropout = child("dropout", new Dropout(0.2, rng));
            out = child("out", new Dense(128, 10, Activation.LINEAR, rng));
        }
    }

    @Test
    void anMlpStepInAnArenaAllocatesNoNumericBuffers() {
        SplittableRandom rng = new SplittableRandom(3);
        Classifier model = new Classifier(rng);
        Optimizer adam = new Adam(1e-3).bind(model);
        Tensor images = Tensor.rand(rng, DType.F32, 0, 1, 256, 784);
        int[] ids = new int[32];
        int[] labels = new int[32];
        for (int i = 0; i < 32; i++) {
            ids[i] = 7 * i % 256;
            labels[i] = i % 10;
        }
        Runnable plain = () -> step(model, adam, images, ids, labels);
        Runnable pooled = () -> {
            try (Arena ignored = Arena.open()) {
                step(model, adam, images, ids, labels);
            }
        };
        long plainBytes = Allocations.ofOneRun(30, plain);
        long pooledBytes = Allocations.ofOneRun(500, pooled);
        System.out.printf("MLP 784-128-10 B32 step: %,d bytes without an arena, %,d with%n", plainBytes, pooledBytes);
        assertTrue(plainBytes > 401_408, "without an arena the weight gradient alone is 401,408 bytes: " + plainBytes);
        assertTrue(pooledBytes < 32_768, "an arena step allocated " + pooledBytes + " bytes");
    }

    private static void step(Classifier model, Optimizer adam, Tensor images, int[] ids, int[] labels) {
        adam.zeroGrad();
        Tensor x = images.gatherRows(ids);
        Tensor logits = model.out.forward(model.dropout.forward(model.hidden.forward(x)));
        Tensor loss = SoftmaxCrossEntropy.of(logits, labels);
        loss.backward();
        adam.step();
        loss.item();
    }
}
