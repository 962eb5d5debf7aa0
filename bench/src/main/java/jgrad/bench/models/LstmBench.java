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
import jgrad.autograd.Autograd;
import jgrad.backend.Device;
import jgrad.bench.BackendChoice;
import jgrad.nn.layers.Lstm;
import jgrad.tensor.Tensor;

/**
 * The LSTM layer (the fused kernel with hand-written BPTT) at the peer script's sizes: batch 64,
 * 50 steps, input 128, hidden 256. {@code sequence} is the whole sequence forward and backward from
 * the loss Σ h_t, exactly the PyTorch workload (target ≥ 1.5× its sequences/s); {@code forward} is the
 * forward alone under no-grad, as the peer's fwd_only figure; {@code step*} is one time step, to
 * separate per-step cost (GEMMs of 64 rows) from per-sequence overhead. SIMD only by default: the
 * scalar reference takes tens of seconds per sequence (pass -p backend=scalar to see it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LstmBench {

    @Param("simd")
    String backend;

    Lstm lstm;
    Tensor x;
    Tensor xStep;
    Tensor h0;
    Tensor c0;

    @Setup
    public void setup() {
        Device device = BackendChoice.use(backend);
        SplittableRandom rng = new SplittableRandom(BackendChoice.SEED);
        lstm = new Lstm(128, 256, rng);
        lstm.to(device);
        x = Tensor.randn(rng, 64, 50, 128).to(device);
        xStep = Tensor.randn(rng, 64, 1, 128).to(device);
        h0 = Tensor.zeros(64, 256).to(device);
        c0 = Tensor.zeros(64, 256).to(device);
    }

    @Benchmark
    public Tensor sequence() {
        try (Arena step = Arena.open()) {
            lstm.zeroGrad();
            lstm.forward(x, h0, c0).h().sum().backward();
            return lstm.parameters().get("W_hf").grad();
        }
    }

    @Benchmark
    public Tensor forward() {
        try (Arena step = Arena.open(); Autograd.NoGrad off = Autograd.noGrad()) {
            return lstm.forward(x, h0, c0).h();
        }
    }

    @Benchmark
    public Tensor stepForward() {
        try (Arena step = Arena.open(); Autograd.NoGrad off = Autograd.noGrad()) {
            return lstm.forward(xStep, h0, c0).h();
        }
    }

    @Benchmark
    public Tensor stepForwardBackward() {
        try (Arena step = Arena.open()) {
            lstm.zeroGrad();
            lstm.forward(xStep, h0, c0).h().sum().backward();
            return lstm.parameters().get("W_hf").grad();
        }
    }
}
