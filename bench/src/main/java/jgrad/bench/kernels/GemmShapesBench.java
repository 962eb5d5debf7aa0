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
 * SGEMM at the skinny shapes the layers issue, with the transposes their backward passes use, because
 * a kernel tuned for big squares can lose most of its speed when m is 32 or 64. The shape reads
 * {@code MxKxN:TT}: op(A) is M×K, op(B) is K×N, T = transposed operand (stored the other way round).
 * <ul>
 *   <li>64x128x1024, 64x256x1024 — LSTM gates, x·W_x and h·W_h (batch 64, input 128, hidden 256, 4 gates);</li>
 *   <li>256x64x1024:TN, 64x1024x256:NT — LSTM backward, dW_h = hᵀ·dG and dh = dG·W_hᵀ;</li>
 *   <li>32x784x128 and its backward 784x32x128:TN — the 784-128-10 MLP, batch 32;</li>
 *   <li>256x128x128 — the NCF hidden layer, batch 256.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GemmShapesBench {

    @Param({"64x128x1024:NN", "64x256x1024:NN", "256x64x1024:TN", "64x1024x256:NT", "32x784x128:NN",
            "784x32x128:TN", "256x128x128:NN"})
    String shape;

    @Param({"simd", "scalar"})
    String backend;

    Backend kernels;
    int m;
    int k;
    int n;
    boolean transA;
    boolean transB;
    Storage a;
    Storage b;
    Storage c;

    @Setup
    public void setup() {
        kernels = BackendChoice.of(backend);
        String[] dims = shape.substring(0, shape.indexOf(':')).split("x");
        m = Integer.parseInt(dims[0]);
        k = Integer.parseInt(dims[1]);
        n = Integer.parseInt(dims[2]);
        transA = shape.charAt(shape.length() - 2) == 'T';
        transB = shape.charAt(shape.length() - 1) == 'T';
        a = BackendChoice.uniformStorage(m * k, -1, 1, 1);
        b = BackendChoice.uniformStorage(k * n, -1, 1, 2);
        c = new Storage.F32(new float[m * n]);
    }

    @Benchmark
    public Storage gemm() {
        kernels.gemm(transA, transB, m, n, k, a, 0, transA ? m : k, b, 0, transB ? k : n, 0, c, 0, n);
        return c;
    }
}
