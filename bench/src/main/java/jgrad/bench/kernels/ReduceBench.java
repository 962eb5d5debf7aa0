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
import jgrad.backend.ReduceOp;
import jgrad.bench.BackendChoice;
import jgrad.backend.Storage;

/**
 * Reductions over 1M floats viewed as [outer, len, inner], the three layouts the tensor ops produce:
 * the whole buffer (a loss), the rows of a 1024×1024 matrix (reduction along the last axis, contiguous)
 * and its columns (along the first axis, strided: the bias gradient of a layer, summed over the
 * batch). {@code maxAll} is the max that softmax and max-pooling need.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReduceBench {

    @Param({"sumAll", "sumRows", "sumCols", "maxAll"})
    String kind;

    @Param({"simd", "scalar"})
    String backend;

    Backend kernels;
    Storage x;
    Storage out;

    /** The op, resolved once in setup: the measured method does the kernel's work and one call. */
    Runnable work;

    @Setup
    public void setup() {
        kernels = BackendChoice.of(backend);
        x = BackendChoice.uniformStorage(1 << 20, -1, 1, 1);
        out = new Storage.F32(new float[1024]);
        work = switch (kind) {
            case "sumAll" -> () -> kernels.reduce(ReduceOp.SUM, 1, 1 << 20, 1, x, 0, out, 0);
            case "sumRows" -> () -> kernels.reduce(ReduceOp.SUM, 1024, 1024, 1, x, 0, out, 0);
            case "sumCols" -> () -> kernels.reduce(ReduceOp.SUM, 1, 1024, 1024, x, 0, out, 0);
            case "maxAll" -> () -> kernels.reduce(ReduceOp.MAX, 1, 1 << 20, 1, x, 0, out, 0);
            default -> throw new IllegalArgumentException("unknown reduction " + kind);
        };
    }

    @Benchmark
    public Storage reduce() {
        work.run();
        return out;
    }
}
