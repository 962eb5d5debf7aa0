package jgrad.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import jgrad.backend.Backend;
import jgrad.backend.Backends;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * {@code ./jgrad gemm N}: multiplies two random N×N F32 matrices on every backend of this JVM and
 * prints each one's speed and the largest difference from the scalar reference. A quick check,
 * not a benchmark: the JMH benchmarks in {@code bench} are the measurement.
 */
final class GemmCommand implements Command {

    @Override public String name() { return "gemm"; }
    @Override public String usage() { return "N [ROUNDS]"; }
    @Override public String summary() { return "N×N F32 matrix product on each backend: GFLOP/s and max difference"; }

    @Override
    public int run(String[] args, PrintStream out) {
        if (args.length < 1 || args.length > 2) {
            throw new UsageException("needs the matrix size N");
        }
        int n = Main.positiveInt("N", args[0]);
        int rounds = args.length > 1 ? Main.positiveInt("ROUNDS", args[1]) : 5;
        if (rounds > MAX_ROUNDS) {
            throw new UsageException("ROUNDS must be at most " + MAX_ROUNDS + ", got " + rounds);
        }
        checkFits(n);
        SplittableRandom rng = new SplittableRandom(1);
        List<Tensor> host = List.of(Tensor.randn(rng, DType.F32, 0, 1, n, n), Tensor.randn(rng, DType.F32, 0, 1, n, n));
        double flops = 2.0 * n * n * n;
        out.printf("C = A·B, A and B %d×%d F32 from seed 1; %d timed rounds after warm-up, median%n", n, n, rounds);

        List<Backend> backends = new ArrayList<>(List.of(Backends.scalar()));
        if (Backends.vectorApiAvailable()) {
            backends.add(Backends.simd());
        }
        Device device = BackendOption.device();
        if (device != Device.CPU) {
            backends.add(device.backend());     // --backend cuda: cuBLAS (or its emulation) on device buffers
        }
        float[] reference = null;
        for (Backend backend : backends) {
            Device where = backend.device();
            Tensor a = host.get(0).to(where);
            Tensor b = host.get(1).to(where);
            Tensor c = Tensor.zeros(where, DType.F32, n, n);
            // The scalar reference is slow at large N: fewer rounds, no long warm-up.
            boolean slow = backend == Backends.scalar();
            int warmup = slow ? 0 : Math.max(10, (int) Math.min(200, 2e10 / flops));
            for (int i = 0; i < warmup; i++) {
                multiply(backend, a, b, c, n);
            }
            double[] seconds = new double[slow ? 1 : rounds];
            for (int i = 0; i < seconds.length; i++) {
                long t0 = System.nanoTime();
                multiply(backend, a, b, c, n);  // a device backend returns once the product is done
                seconds[i] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(seconds);
            double median = seconds[seconds.length / 2];
            float[] result = c.to(Device.CPU).toFloatArray();
            if (reference == null) {
                reference = result;
            }
            out.printf("%-8s %9.2f GFLOP/s  (%.4f s)  max |C - C_scalar| = %.3g%n", backend.name(),
                    flops / median / 1e9, median, maxDifference(reference, result));
        }
        return 0;
    }

    static final int MAX_ROUNDS = 1000;

    /** A, B and C, and one more C while the previous backend's is collected: four N×N F32 matrices. */
    static void checkFits(int n) {
        long elements = (long) n * n;
        long bytes = 4 * elements * Float.BYTES;
        long heap = Runtime.getRuntime().maxMemory();
        if (elements > Integer.MAX_VALUE - 8 || bytes > heap) {
            throw new TooLargeException(String.format(java.util.Locale.ROOT, "N = %d: the %d×%d matrices need %.1f GiB"
                    + " and this JVM may use %.1f GiB (give it more with JGRAD_JAVA_OPTS=-Xmx…)%s", n, n, n,
                    bytes / (double) (1L << 30), heap / (double) (1L << 30),
                    elements > Integer.MAX_VALUE - 8 ? "; a tensor holds at most 2^31 elements, so N ≤ 46340" : ""));
        }
    }

    private static void multiply(Backend backend, Tensor a, Tensor b, Tensor c, int n) {
        Storage sa = a.storage();
        Storage sb = b.storage();
        backend.gemm(false, false, n, n, n, sa, 0, n, sb, 0, n, 0, c.storage(), 0, n);
    }

    private static double maxDifference(float[] x, float[] y) {
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }
}
