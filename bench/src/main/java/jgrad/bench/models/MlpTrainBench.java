package jgrad.bench.models;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import jgrad.backend.Arena;
import jgrad.backend.Device;
import jgrad.bench.BackendChoice;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.loss.SoftmaxCrossEntropy;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * One training step of the 784-128-10 classifier (relu, dropout 0.2, softmax cross-entropy, Adam
 * lr 1e-3, batch 32) on 60,000 random 28×28 images, as the peer script times it: gather the next batch
 * of a shuffled epoch, forward, loss, backward, Adam step (the shuffle itself happens between measurement
 * iterations). Target ≥ 2× PyTorch's samples/s
 * (samples/s = 32 / time). On a CUDA backend the model and the images live on the device; a step
 * gathers its batch there and reads the loss back.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MlpTrainBench {

    private static final int BATCH = 32;

    @Param({"simd", "scalar"})
    String backend;

    Device device;
    Classifier model;
    Optimizer adam;
    RandomImages data;
    int[] ids;
    int[] batchLabels;
    SplittableRandom rng;

    @Setup
    public void setup() {
        device = BackendChoice.use(backend);
        rng = new SplittableRandom(BackendChoice.SEED);
        model = new Classifier(rng);
        model.to(device);
        adam = new Adam(1e-3).bind(model);
        data = new RandomImages(device, rng, false);
        ids = new int[BATCH];
        batchLabels = new int[BATCH];
    }

    /** 784 → 128 relu → dropout 0.2 → 10 logits, as the peer's nn.Sequential. */
    static final class Classifier extends Module {
        final Dense hidden;
        final Dropout dropout;
        final Dense out;

        Classifier(SplittableRandom rng) {
            hidden = child("hidden", new Dense(784, 128, Activation.RELU, rng));
            dropout = child("dropout", new Dropout(0.2, rng));
            out = child("out", new Dense(128, 10, Activation.LINEAR, rng));
        }

        Tensor logits(Tensor x) {
            return out.forward(dropout.forward(hidden.forward(x)));
        }
    }

    @Benchmark
    public double step() {
        nextBatch();
        try (Arena step = Arena.open()) {
            adam.zeroGrad();
            Tensor x = data.images.gatherRows(ids);
            Tensor loss = SoftmaxCrossEntropy.of(model.logits(x), batchLabels);
            loss.backward();
            adam.step();
            return loss.to(Device.CPU).item();
        }
    }

    /**
     * A fresh shuffle for each measurement iteration, outside the measured method: within an iteration
     * the epochs walk the same order, so that {@link #step} does only a step's work (the shuffle of
     * 60,000 ids every 1,875 steps used to land inside it).
     */
    @Setup(Level.Iteration)
    public void shuffle() {
        data.shuffle(rng);
    }

    private void nextBatch() {
        data.nextBatch(ids);
        for (int k = 0; k < BATCH; k++) {
            batchLabels[k] = data.classes[ids[k]];
        }
    }
}
