package jgrad.bench.sequence;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The CPU time of {@link NextItemServeBench}'s queries, each timed alone by the calling thread's CPU clock, so
 * that a loaded machine, which stretches wall time, mostly drops out: run it with {@code -Djgrad.threads=1},
 * which keeps every kernel on this thread. For each model and history length, prints the p50 and p99 CPU
 * milliseconds of a known user's query ({@code scoreKnownUser}) and of a new history ({@code scoreHistory}).
 * Arguments: queries per case (default 2000; a tenth of them for new histories).
 */
public final class ServeCpuTime {

    private ServeCpuTime() {
    }

    public static void main(String[] args) {
        int queries = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String model : new String[] {"sasrec", "gru4rec"}) {
            for (int length : new int[] {50, 200}) {
                NextItemServeBench bench = new NextItemServeBench();
                bench.backend = "simd";
                bench.model = model;
                bench.length = length;
                bench.setup();
                double[] known = time(threads, queries, bench::scoreKnownUser);
                double[] fresh = time(threads, Math.max(10, queries / 10), bench::scoreHistory);
                System.out.printf(Locale.ROOT, "%-8s history %3d: known user p50 %.3f ms, p99 %.3f ms | new history"
                        + " p50 %.3f ms, p99 %.3f ms (CPU time per query)%n", model, length, known[0], known[1],
                        fresh[0], fresh[1]);
            }
        }
    }

    /** {p50, p99} of the query's CPU milliseconds, after as many untimed queries as warm-up. */
    private static double[] time(ThreadMXBean threads, int n, Runnable query) {
        for (int i = 0; i < n; i++) {
            query.run();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            query.run();
            ms[i] = (threads.getCurrentThreadCpuTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[n / 2], ms[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)]};
    }
}
