package jgrad.bench.tensor;

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

import jgrad.backend.Device;
import jgrad.bench.BackendChoice;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * The same work as the kernel benchmarks, asked of {@link Tensor} instead of the backend: what the op
 * layer adds on top of the kernel (argument checks, a new output tensor per op, the autograd record).
 * Set beside {@code ElementwiseBench.map} (op = add, sigmoid) and {@code GemmShapesBench} (64x256x1024);
 * run with {@code -prof gc} to see the bytes each op allocates (4 MB for a 1M-float result).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TensorOpsBench {

    @Param({"simd", "scalar"})
    String backend;

    Tensor x;
    Tensor y;
    Tensor h;
    Tensor w;

    @Setup
    public void setup() {
        Device device = BackendChoice.use(backend);
        SplittableRandom rng = new SplittableRandom(BackendChoice.SEED);
        x = Tensor.rand(rng, DType.F32, -4, 4, 1 << 20).to(device);
        y = Tensor.rand(rng, DType.F32, -4, 4, 1 << 20).to(device);
        h = Tensor.randn(rng, 64, 256).to(device);
        w = Tensor.randn(rng, 256, 1024).to(device);
    }

    @Benchmark
    public Tensor add() {
        return x.add(y);
    }

    @Benchmark
    public Tensor sigmoid() {
        return x.sigmoid();
    }

    @Benchmark
    public Tensor matmul() {
        return h.matmul(w);
    }
}
