package jgrad.bench.models;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import jgrad.nn.layers.Dense;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.privacy.dp.DpSgd;
import jgrad.privacy.dp.TanhCnn;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/**
 * One step of a {@code fashion-mnist-dp} model ({@code mlp}: 784 → 128 relu → 10; {@code cnn}: the tanh CNN of
 * {@link TanhCnn}, whose per-example gradients go through the convolutions' ghost norms; softmax cross-entropy,
 * Adam 1e-3) on 60,000 random images, private and not, so their ratio is the cost of DP-SGD per epoch (an epoch is 1/q steps of
 * either). The data are {@link RandomImages}. {@code plain}: a batch of 256 drawn from a shuffled order, forward,
 * backward, Adam, in an {@link Arena} scope as {@code fit} runs it. {@code dp}: a
 * Poisson batch (q = 256/60,000), per-example clipping to C = 1, Gaussian noise σ = 0.77 (ε = 3 over 15 epochs),
 * the same Adam. Issue 18's target: dp ≤ 2 × plain.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DpSgdStepBench {

    private static final int BATCH = 256;

    @Param({"simd"})
    String backend;

    @Param({"mlp", "cnn"})
    String model;

    RandomImages data;
    Sequential plainModel;
    Optimizer adam;
    Sequential dpModel;
    DpSgd dp;
    SplittableRandom rng;
    int[] ids = new int[BATCH];

    @Setup
    public void setup() {
        Device device = BackendChoice.use(backend);
        rng = new SplittableRandom(BackendChoice.SEED);
        data = new RandomImages(device, rng, model.equals("cnn"));
        plainModel = model(device);
        adam = Adam.keras(1e-3).bind(plainModel);
        dpModel = model(device);
        dp = DpSgd.of(Adam.keras(1e-3), 1.0, 0.7736, (double) BATCH / RandomImages.SAMPLES, RandomImages.SAMPLES, 7)
                .bind(dpModel);
    }

    private Sequential model(Device device) {
        Sequential m = model.equals("cnn") ? TanhCnn.of(10, new SplittableRandom(1))
                : new Sequential(new Dense(784, 128, Activation.RELU, new SplittableRandom(1)),
                        new Dense(128, 10, Activation.LINEAR, new SplittableRandom(2)));
        m.to(device);
        return m;
    }

    @Benchmark
    public double plain() {
        data.nextBatch(ids);
        try (Arena step = Arena.open()) {
            adam.zeroGrad();
            Tensor loss = Losses.softmaxCrossEntropy(plainModel.forward(data.images.gatherRows(ids, BATCH)),
                    data.labels.gatherRows(ids, BATCH));
            loss.backward();
            adam.step();
            return loss.to(Device.CPU).item();
        }
    }

    @Benchmark
    public double dp() {
        int[] sample = dp.sampleBatch(rng);
        return dp.step(data.images.gatherRows(sample, sample.length), data.labels.gatherRows(sample, sample.length),
                Losses::softmaxCrossEntropy);
    }
}
