package jgrad.bench.models;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The CPU time of {@link DpSgdStepBench}'s two steps, measured on the calling thread and interleaved (20 plain
 * steps, 20 private steps, repeated), so that a loaded machine slows both alike: run it with
 * {@code -Djgrad.threads=1}, which keeps every kernel on this thread. Prints the median CPU milliseconds per step
 * of each and their ratio. Arguments: rounds (default 15), model ({@code mlp} or {@code cnn}, default mlp).
 */
public final class DpStepCpuTime {

    private static final int STEPS = 20;

    private DpStepCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        DpSgdStepBench bench = new DpSgdStepBench();
        bench.backend = "simd";
        bench.model = args.length > 1 ? args[1] : "mlp";
        bench.setup();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] plain = new double[rounds];
        double[] dp = new double[rounds];
        for (int r = -3; r < rounds; r++) {                 // three rounds of warm-up
            long t0 = threads.getCurrentThreadCpuTime();
            for (int s = 0; s < STEPS; s++) {
                bench.plain();
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (int s = 0; s < STEPS; s++) {
                bench.dp();
            }
            long t2 = threads.getCurrentThreadCpuTime();
            if (r >= 0) {
                plain[r] = (t1 - t0) / 1e6 / STEPS;
                dp[r] = (t2 - t1) / 1e6 / STEPS;
            }
        }
        java.util.Arrays.sort(plain);
        java.util.Arrays.sort(dp);
        double p = plain[rounds / 2];
        double d = dp[rounds / 2];
        System.out.printf(Locale.ROOT, "%s: CPU ms per step (median of %d rounds of %d): plain %.2f, dp %.2f, dp/plain %.2f%n",
                bench.model, rounds, STEPS, p, d, d / p);
    }
}
