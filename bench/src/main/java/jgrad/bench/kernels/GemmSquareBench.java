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
 * Square SGEMM, C = A·B with n×n float matrices, through {@link Backend#gemm} and nothing else: the
 * kernel that decides most training time, compared with NumPy/OpenBLAS by the side-by-side script
 * (GFLOP/s = 2n³ / time). The scalar reference is the yardstick of what the SIMD backend gains; it
 * runs at a fraction of a GFLOP/s (2.3 s for n = 512 here), so the sizes above 512 are in
 * {@link GemmLargeBench}, SIMD only by default.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GemmSquareBench {

    @Param({"64", "128", "256", "512"})
    int n;

    @Param({"simd", "scalar"})
    String backend;

    Backend kernels;
    Storage a;
    Storage b;
    Storage c;

    @Setup
    public void setup() {
        kernels = BackendChoice.of(backend);
        a = BackendChoice.uniformStorage(n * n, -1, 1, 1);
        b = BackendChoice.uniformStorage(n * n, -1, 1, 2);
        c = new Storage.F32(new float[n * n]);
    }

    @Benchmark
    public Storage gemm() {
        kernels.gemm(false, false, n, n, n, a, 0, n, b, 0, n, 0, c, 0, n);
        return c;
    }
}
