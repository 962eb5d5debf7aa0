package jgrad.bench.models;

import java.util.List;
import java.util.Map;
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
import jgrad.nn.gan.Discriminator;
import jgrad.nn.gan.GanLoss;
import jgrad.nn.gan.Generator;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * One step of the peer script's small GAN, batch 128: G z32 → 64 relu → 16, D 16 → 64 leaky-relu(0.2)
 * → 1, both Adam(2e-4, β = 0.5, 0.999). A step draws real samples N(1, 0.5²) and noise, makes G(z),
 * takes one D step on BCE(D(real), 1) + BCE(D(G(z)) detached, 0), then one G step on BCE(D(G(z)), 1),
 * exactly the peer's loop body. The BCEs are on logits (softplus form), as BCEWithLogitsLoss.
 * Target ≥ 2× PyTorch's steps/s. On a CUDA backend both nets live on the device; the real samples
 * and the noise are drawn on the host and uploaded within the step, and the loss is read back.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GanStepBench {

    private static final int BATCH = 128;

    @Param({"simd", "scalar"})
    String backend;

    Device device;
    Generator g;
    Discriminator d;
    Map<String, Tensor> dWeights;
    Optimizer og;
    Optimizer od;
    SplittableRandom rng;

    @Setup
    public void setup() {
        device = BackendChoice.use(backend);
        rng = new SplittableRandom(BackendChoice.SEED);
        g = new Generator(new int[] {32, 64, 16}, List.of(Activation.RELU, Activation.LINEAR), DType.F32, rng);
        d = new Discriminator(new int[] {16, 64, 1}, List.of(Activation.leakyRelu(0.2), Activation.SIGMOID),
                DType.F32, rng);
        g.to(device);
        d.to(device);
        dWeights = d.parameters();
        og = new Adam(2e-4, 0.5, 0.999, 1e-8, false).bind(g);
        od = new Adam(2e-4, 0.5, 0.999, 1e-8, false).bind(d);
    }

    @Benchmark
    public double step() {
        try (Arena step = Arena.open()) {
            return ganStep();
        }
    }

    private double ganStep() {
        Tensor real = Tensor.randn(rng, DType.F32, 1.0, 0.5, BATCH, 16).to(device);
        Tensor z = Tensor.randn(rng, BATCH, 32).to(device);
        Tensor fake = g.forward(z);
        od.zeroGrad();
        Tensor lossD = GanLoss.discriminator(d.logits(dWeights, real), d.logits(dWeights, fake.detach()));
        lossD.backward();
        od.step();
        og.zeroGrad();
        Tensor lossG = GanLoss.NON_SATURATING.generator(d.logits(dWeights, fake));
        lossG.backward();
        og.step();
        return lossG.to(Device.CPU).item();
    }
}
