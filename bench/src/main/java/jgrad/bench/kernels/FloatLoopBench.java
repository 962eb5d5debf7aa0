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

import jgrad.bench.BackendChoice;

/**
 * The baseline of {@link ElementwiseBench}: the same maps over the same 1M floats as hand-written
 * float[] loops, the best plain Java does without the Vector API (C2 auto-vectorizes add and mul; the
 * transcendentals go through Math.exp/Math.tanh in double, one element at a time).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FloatLoopBench {

    @Param({"add", "mul", "sigmoid", "tanh", "exp"})
    String op;

    @Param("1048576")
    int size;

    float[] x;
    float[] y;
    float[] out;

    /** The op, resolved once in setup: the measured method does the kernel's work and one call. */
    Runnable work;

    @Setup
    public void setup() {
        x = BackendChoice.uniform(size, -4, 4, 1);
        y = BackendChoice.uniform(size, -4, 4, 2);
        out = new float[size];
        work = switch (op) {
            case "add" -> () -> add(x, y, out);
            case "mul" -> () -> mul(x, y, out);
            case "sigmoid" -> () -> sigmoid(x, out);
            case "tanh" -> () -> tanh(x, out);
            case "exp" -> () -> exp(x, out);
            default -> throw new IllegalArgumentException("unknown op " + op);
        };
    }

    @Benchmark
    public float[] map() {
        work.run();
        return out;
    }

    private static void add(float[] a, float[] b, float[] o) {
        for (int i = 0; i < o.length; i++) {
            o[i] = a[i] + b[i];
        }
    }

    private static void mul(float[] a, float[] b, float[] o) {
        for (int i = 0; i < o.length; i++) {
            o[i] = a[i] * b[i];
        }
    }

    private static void sigmoid(float[] a, float[] o) {
        for (int i = 0; i < o.length; i++) {
            o[i] = (float) (1 / (1 + Math.exp(-a[i])));
        }
    }

    private static void tanh(float[] a, float[] o) {
        for (int i = 0; i < o.length; i++) {
            o[i] = (float) Math.tanh(a[i]);
        }
    }

    private static void exp(float[] a, float[] o) {
        for (int i = 0; i < o.length; i++) {
            o[i] = (float) Math.exp(a[i]);
        }
    }
}
