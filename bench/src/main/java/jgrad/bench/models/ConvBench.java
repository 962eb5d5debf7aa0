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
import jgrad.bench.BackendChoice;
import jgrad.nn.Activation;
import jgrad.nn.conv.Conv2D;
import jgrad.nn.conv.MaxPool2D;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/**
 * The convolution layers of the fashion-cnn example, forward and backward at batch 64: Conv2D(1 → 32,
 * 3×3, relu) on 28×28, MaxPool(2), Conv2D(32 → 64, 3×3, relu) on 13×13, MaxPool(2), loss Σ y, the
 * gradients of both kernels and of the input. The layers are a {@link Sequential}, as the example builds them,
 * so each convolution and its pooling run as one op ({@link Conv2D#forward(Tensor, MaxPool2D)}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConvBench {

    @Param({"simd", "scalar"})
    String backend;

    Tensor x;
    Sequential layers;

    @Setup
    public void setup() {
        BackendChoice.use(backend);
        SplittableRandom rng = new SplittableRandom(BackendChoice.SEED);
        x = Tensor.rand(rng, jgrad.backend.DType.F32, 0, 1, 64, 1, 28, 28).requiresGrad(true);
        layers = new Sequential(new Conv2D(1, 32, 3, Activation.RELU, rng), new MaxPool2D(2),
                new Conv2D(32, 64, 3, Activation.RELU, rng), new MaxPool2D(2));
    }

    @Benchmark
    public Tensor fashionCnnConvolutions() {
        try (Arena step = Arena.open()) {
            x.zeroGrad();
            layers.zeroGrad();
            layers.forward(x).sum().backward();
            return layers.parameters().get("0.W").grad();
        }
    }
}
