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
import jgrad.nn.Activation;
import jgrad.nn.layers.Rnn;
import jgrad.tensor.Tensor;

/**
 * The tanh RNN layer at the peer script's sizes (batch 64, 50 steps, input 128, hidden 256), forward
 * and backward from the loss Σ h_t as PyTorch's nn.RNN is timed (target ≥ 1.5× its sequences/s).
 * jgrad's layer also computes an output projection y = W_hy h + b_y that nn.RNN lacks; it is given one
 * output unit, so it adds one thin GEMM to the forward and nothing to the backward (y is not in the loss).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RnnBench {

    @Param("simd")
    String backend;

    Rnn rnn;
    Tensor x;
    Tensor h0;

    @Setup
    public void setup() {
        Device device = BackendChoice.use(backend);
        SplittableRandom rng = new SplittableRandom(BackendChoice.SEED);
        rnn = new Rnn(128, 256, 1, Activation.TANH, rng);
        rnn.to(device);
        x = Tensor.randn(rng, 64, 50, 128).to(device);
        h0 = Tensor.zeros(64, 256).to(device);
    }

    @Benchmark
    public Tensor sequence() {
        try (Arena step = Arena.open()) {
            rnn.zeroGrad();
            rnn.forward(x, h0).h().sum().backward();
            return rnn.parameters().get("W_hh").grad();
        }
    }

    @Benchmark
    public Tensor forward() {
        try (Arena step = Arena.open(); Autograd.NoGrad off = Autograd.noGrad()) {
            return rnn.forward(x, h0).h();
        }
    }
}
