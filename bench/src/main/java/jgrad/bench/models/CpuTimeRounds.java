package jgrad.bench.models;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The CPU time of a step on the calling thread, in rounds: what the step probes ({@link ConvStepCpuTime},
 * {@link TextCnnStepCpuTime}, {@link RatingStepCpuTime}) share. The thread's CPU clock, not the wall clock, so that
 * other work on a loaded machine mostly drops out; run the probes with {@code -Djgrad.threads=1}.
 */
final class CpuTimeRounds {

    private CpuTimeRounds() {
    }

    /** Milliseconds of CPU per step in each of {@code rounds} rounds of {@code steps} steps, after {@code warmUp} rounds, sorted. */
    static double[] sortedMillisPerStep(int warmUp, int rounds, int steps, Runnable step) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] ms = new double[rounds];
        for (int r = -warmUp; r < rounds; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int s = 0; s < steps; s++) {
                step.run();
            }
            if (r >= 0) {
                ms[r] = (threads.getCurrentThreadCpuTime() - t0) / 1e6 / steps;
            }
        }
        Arrays.sort(ms);
        return ms;
    }
}
