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
import jgrad.backend.BinaryOp;
import jgrad.backend.UnaryOp;
import jgrad.bench.BackendChoice;
import jgrad.backend.Storage;

/**
 * Elementwise maps over 1M floats through the backend: add and mul (memory bound: 12 MB moved per
 * call) and sigmoid, tanh, exp (bound by the transcendental). {@link FloatLoopBench} runs the same maps
 * as plain float[] loops, so the two together show what the backend's dispatch and its Storage
 * indirection cost, and what SIMD gains over what C2 auto-vectorizes by itself.
 * Inputs lie in [-4, 4), where none of the maps overflows or underflows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ElementwiseBench {

    @Param({"add", "mul", "sigmoid", "tanh", "exp"})
    String op;

    @Param({"simd", "scalar"})
    String backend;

    @Param("1048576")
    int size;

    Backend kernels;
    Storage x;
    Storage y;
    Storage out;

    /** The op, resolved once in setup: the measured method does the kernel's work and one call. */
    Runnable work;

    @Setup
    public void setup() {
        kernels = BackendChoice.of(backend);
        x = BackendChoice.uniformStorage(size, -4, 4, 1);
        y = BackendChoice.uniformStorage(size, -4, 4, 2);
        out = new Storage.F32(new float[size]);
        work = switch (op) {
            case "add" -> () -> kernels.binary(BinaryOp.ADD, size, x, 0, 1, y, 0, 1, out, 0);
            case "mul" -> () -> kernels.binary(BinaryOp.MUL, size, x, 0, 1, y, 0, 1, out, 0);
            case "sigmoid" -> () -> kernels.unary(UnaryOp.SIGMOID, size, x, 0, out, 0, 0);
            case "tanh" -> () -> kernels.unary(UnaryOp.TANH, size, x, 0, out, 0, 0);
            case "exp" -> () -> kernels.unary(UnaryOp.EXP, size, x, 0, out, 0, 0);
            default -> throw new IllegalArgumentException("unknown op " + op);
        };
    }

    @Benchmark
    public Storage map() {
        work.run();
        return out;
    }
}
