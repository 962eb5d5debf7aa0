package jgrad.bench.sequence;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

import com.sun.management.ThreadMXBean;

/**
 * The CPU time and the bytes allocated by {@link NextItemStepBench}'s training steps, each step measured alone by
 * the calling thread's CPU clock and allocation counter, so that a loaded machine, which stretches wall time,
 * mostly drops out: run it with {@code -Djgrad.threads=1}, which keeps every kernel on this thread. Prints, per
 * model, the median and minimum CPU milliseconds of a step and the median megabytes it allocated, and the whole
 * process's CPU time per measured step (the collector's and the compiler's threads included). Arguments:
 * the models (default {@code sasrec,gru4rec}), then timed steps per model (default 10, after as many untimed).
 */
public final class StepCpuTime {

    private StepCpuTime() {
    }

    public static void main(String[] args) {
        String[] models = (args.length > 0 ? args[0] : "sasrec,gru4rec").split(",");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (String model : models) {
            NextItemStepBench bench = new NextItemStepBench();
            bench.backend = "simd";
            bench.model = model;
            bench.setup();
            for (int i = 0; i < steps; i++) {
                bench.trainStep();
            }
            double[] ms = new double[steps];
            double[] mb = new double[steps];
            long id = Thread.currentThread().threadId();
            long process0 = processCpuNanos();
            for (int i = 0; i < steps; i++) {
                long t0 = threads.getCurrentThreadCpuTime();
                long b0 = threads.getThreadAllocatedBytes(id);
                bench.trainStep();
                ms[i] = (threads.getCurrentThreadCpuTime() - t0) / 1e6;
                mb[i] = (threads.getThreadAllocatedBytes(id) - b0) / 1e6;
            }
            double processMs = (processCpuNanos() - process0) / 1e6 / steps;
            Arrays.sort(ms);
            Arrays.sort(mb);
            System.out.printf(Locale.ROOT, "%-8s step: CPU median %.1f ms, min %.1f ms; allocated median %.1f MB;"
                    + " process CPU %.1f ms per step (%d steps)%n", model, ms[steps / 2], ms[0], mb[steps / 2],
                    processMs, steps);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
