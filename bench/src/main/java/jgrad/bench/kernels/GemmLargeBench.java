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
 * Square SGEMM at the sizes where NumPy/OpenBLAS sets the target (≥ 0.9× its GFLOP/s on one and on two
 * threads, n = 256 to 2048), through {@link Backend#gemm} alone. SIMD only by default: the
 * scalar reference would take minutes per multiply (pass -p backend=scalar to insist).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GemmLargeBench {

    @Param({"256", "1024", "2048"})
    int n;

    @Param("simd")
    String backend;

    /** "all" leaves the SIMD backend its default (every core); "1" is NumPy's one-thread comparison. */
    @Param({"all", "1"})
    String threads;

    Backend kernels;
    Storage a;
    Storage b;
    Storage c;

    @Setup
    public void setup() {
        if (!threads.equals("all")) {
            System.setProperty("jgrad.threads", threads);   // read once, when the backend's pool is made
        }
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
