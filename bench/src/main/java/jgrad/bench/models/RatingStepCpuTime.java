package jgrad.bench.models;

import java.util.Locale;

/**
 * The CPU time of one {@link RatingTrainBench} step (NCF or MF, batch 256, MSE, Adam) on the calling thread: run
 * it with {@code -Djgrad.threads=1}, which keeps every kernel on this thread, so that a loaded machine changes the
 * figure little (and a profiler sees the whole step on one thread). Prints the median CPU microseconds per step
 * over rounds of 200 steps, and the samples per CPU second they mean. Arguments: model ({@code ncf} or
 * {@code mf}, default ncf), embeddings ({@code sparse}, {@code lazy} or {@code dense}, default sparse), rounds
 * (default 15).
 */
public final class RatingStepCpuTime {

    private static final int STEPS = 200;
    private static final int BATCH = 256;
    /** Rounds run before the measured ones: on a loaded machine C2 compiles the Vector API kernels late. */
    private static final int WARM_UP = 15;

    private RatingStepCpuTime() {
    }

    public static void main(String[] args) {
        String model = args.length > 0 ? args[0] : "ncf";
        RatingTrainBench bench = model.equals("mf") ? new MfTrainBench() : new NcfTrainBench();
        bench.backend = "simd";
        bench.embeddings = args.length > 1 ? args[1] : "sparse";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        bench.setup();
        bench.shuffle();
        double[] us = CpuTimeRounds.sortedMillisPerStep(WARM_UP, rounds, STEPS, bench::step);
        for (int i = 0; i < rounds; i++) {
            us[i] *= 1e3;
        }
        double median = us[rounds / 2];
        System.out.printf(Locale.ROOT, "%s %s step, batch %d: CPU µs per step (median of %d rounds of %d): %.1f"
                        + " (quartiles %.1f, %.1f), %.0f samples per CPU second%n", model, bench.embeddings, BATCH,
                rounds, STEPS, median, us[rounds / 4], us[3 * rounds / 4], BATCH / median * 1e6);
    }
}
