package jgrad.data;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Times an epoch of negative sampling by the CPU time of the calling thread, so that other processes
 * loading the machine do not make the measurement fail; the best of a few runs, after a warm-up run.
 */
public final class SamplerTiming {

    private SamplerTiming() {
    }

    /** Best CPU milliseconds of {@code runs} epochs of {@code negativesPerPositive} negatives per positive. */
    public static double bestEpochMillis(NegativeSampler sampler, int[] users, int[] items, int negativesPerPositive,
                                  int runs, SplittableRandom random) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        sampler.epoch(users, items, negativesPerPositive, random);
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < runs; r++) {
            long start = threads.getCurrentThreadCpuTime();
            ImplicitExamples epoch = sampler.epoch(users, items, negativesPerPositive, random);
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / 1e6);
            if (epoch.size() != users.length * (1 + negativesPerPositive)) {
                throw new IllegalStateException("wrong epoch size " + epoch.size());
            }
        }
        return best;
    }
}
