package jgrad.bench.kernels;

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

import jgrad.backend.Backend;
import jgrad.bench.BackendChoice;
import jgrad.backend.Storage;

/**
 * Row-wise softmax and its backward through the backend, at the shapes the models use: 64×50
 * (attention weights over 50 steps), 32×10 (the MLP classifier's cross-entropy, via log-softmax in
 * practice), 256×1682 (scores of a batch of users over every MovieLens item) and 1024×1024.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SoftmaxBench {

    @Param({"64x50", "32x10", "256x1682", "1024x1024"})
    String shape;

    @Param({"simd", "scalar"})
    String backend;

    Backend kernels;
    int rows;
    int cols;
    Storage x;
    Storage y;
    Storage g;
    Storage dx;

    @Setup
    public void setup() {
        kernels = BackendChoice.of(backend);
        rows = Integer.parseInt(shape.substring(0, shape.indexOf('x')));
        cols = Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
        x = BackendChoice.uniformStorage(rows * cols, -4, 4, 1);
        g = BackendChoice.uniformStorage(rows * cols, -1, 1, 2);
        y = new Storage.F32(new float[rows * cols]);
        dx = new Storage.F32(new float[rows * cols]);
        kernels.softmax(rows, cols, x, 0, y, 0, false);
    }

    @Benchmark
    public Storage forward() {
        kernels.softmax(rows, cols, x, 0, y, 0, false);
        return y;
    }

    @Benchmark
    public Storage backward() {
        kernels.softmaxBackward(rows, cols, y, 0, g, 0, dx, 0, false);
        return dx;
    }
}
