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
import jgrad.nn.layers.Attention;
import jgrad.tensor.Tensor;

/**
 * Dot-product attention pooling, forward and backward, batch 64, T 50, d 128 (target ≥ 1.5× PyTorch's
 * batches/s). {@code tensorOps} is the peer script's code op for op: scores = x·q, a = softmax over T,
 * pooled = Σ_t a_t x_t, loss Σ pooled, gradients to x and q. {@code layer} is the same computation
 * through jgrad's Attention layer (dot score, the query repeated per row), which pools with a batched
 * GEMM instead of a broadcast multiply and a sum.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AttentionPoolBench {

    @Param({"simd", "scalar"})
    String backend;

    Tensor x;
    Tensor q;
    Tensor queries;
    Attention attention;

    @Setup
    public void setup() {
        Device device = BackendChoice.use(backend);
        SplittableRandom rng = new SplittableRandom(BackendChoice.SEED);
        x = Tensor.randn(rng, 64, 50, 128).to(device).requiresGrad(true);
        q = Tensor.randn(rng, 128).to(device).requiresGrad(true);
        queries = Tensor.randn(rng, 64, 128).to(device).requiresGrad(true);
        attention = new Attention(128);
        attention.to(device);
    }

    @Benchmark
    public Tensor tensorOps() {
        try (Arena step = Arena.open()) {
            x.zeroGrad();
            q.zeroGrad();
            Tensor scores = x.matmul(q.reshape(128, 1)).squeeze(2);
            Tensor a = scores.softmax(1);
            Tensor pooled = a.unsqueeze(2).mul(x).sum(1, false);
            pooled.sum().backward();
            return q.grad();
        }
    }

    @Benchmark
    public Tensor layer() {
        try (Arena step = Arena.open()) {
            x.zeroGrad();
            queries.zeroGrad();
            attention.forward(x, queries, null).c().sum().backward();
            return queries.grad();
        }
    }
}
