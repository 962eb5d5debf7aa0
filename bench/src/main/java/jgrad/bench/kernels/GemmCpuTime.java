package jgrad.bench.kernels;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import jgrad.backend.Backend;
import jgrad.backend.Backends;
import jgrad.backend.Storage;
import jgrad.bench.BackendChoice;

/**
 * SGEMM GFLOP/s from the calling thread's CPU time, for a shared machine where wall time swings with
 * the load: run it with {@code -Djgrad.threads=1}, which keeps the product on this thread. Each shape
 * is warmed up, then timed in rounds of products lasting about 50 ms of CPU each; prints the median
 * GFLOP/s and the quartiles, one line per shape. {@code bench/gemm_cpu_numpy.py} is NumPy's twin
 * (same shapes, same rule). Arguments: shapes as {@code MxKxN} or {@code MxKxN:TT} (T = that operand
 * stored transposed), or a square size N; an optional last {@code rounds=R} (default 15).
 */
public final class GemmCpuTime {

    private static final double ROUND_SECONDS = 0.05;

    private GemmCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = 15;
        for (String arg : args) {                   // read first: it applies to every shape, wherever it stands
            if (arg.startsWith("rounds=")) {
                rounds = Integer.parseInt(arg.substring(7));
            }
        }
        Backend simd = Backends.simd();
        System.out.println("SIMD GEMM " + Backends.gemmPlan());
        for (String arg : args) {
            if (arg.startsWith("rounds=")) {
                continue;
            }
            Shape s = Shape.parse(arg);
            Measurement m = measure(simd, s, rounds);
            double[] gflops = m.gflops();
            System.out.printf(Locale.ROOT, "%-18s %7.1f GFLOP/s (quartiles %.1f, %.1f; %d rounds, CPU time; %.0f B allocated per product)%n",
                    arg, gflops[rounds / 2], gflops[rounds / 4], gflops[3 * rounds / 4], rounds, m.bytesPerProduct());
        }
    }

    /** op(A) is m×k, op(B) k×n; ta/tb: that operand is stored transposed. */
    record Shape(int m, int k, int n, boolean ta, boolean tb) {
        static Shape parse(String s) {
            String dims = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
            String[] d = dims.split("x");
            if (d.length == 1) {
                int n = Integer.parseInt(d[0]);
                return new Shape(n, n, n, false, false);
            }
            String t = s.contains(":") ? s.substring(s.indexOf(':') + 1) : "NN";
            return new Shape(Integer.parseInt(d[0]), Integer.parseInt(d[1]), Integer.parseInt(d[2]),
                    t.charAt(0) == 'T', t.charAt(1) == 'T');
        }
    }

    /**
     * Sorted GFLOP/s of the timed rounds, and the bytes the calling thread allocated per product over them (a
     * Vector API fallback shows there).
     */
    record Measurement(double[] gflops, double bytesPerProduct) {
    }

    /** {@code rounds} timed rounds of {@code s} after warm-up. */
    static Measurement measure(Backend backend, Shape s, int rounds) {
        Storage a = BackendChoice.uniformStorage(s.m * s.k, -1, 1, 1);
        Storage b = BackendChoice.uniformStorage(s.k * s.n, -1, 1, 2);
        Storage c = new Storage.F32(new float[s.m * s.n]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double flops = 2.0 * s.m * s.n * s.k;
        int reps = (int) Math.max(1, Math.min(100_000, ROUND_SECONDS * 50e9 / flops));
        for (int w = 0; w < Math.max(20, 2 * reps); w++) {
            multiply(backend, s, a, b, c);
        }
        double[] gflops = new double[rounds];
        long allocated0 = allocatedBytes();
        for (int r = 0; r < rounds; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                multiply(backend, s, a, b, c);
            }
            gflops[r] = flops * reps / (threads.getCurrentThreadCpuTime() - t0);
        }
        double bytes = (allocatedBytes() - allocated0) / ((double) rounds * reps);
        Arrays.sort(gflops);
        return new Measurement(gflops, bytes);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static void multiply(Backend backend, Shape s, Storage a, Storage b, Storage c) {
        backend.gemm(s.ta, s.tb, s.m, s.n, s.k, a, 0, s.ta ? s.m : s.k, b, 0, s.tb ? s.k : s.n, 0, c, 0, s.n);
    }
}
