package jgrad.bench.models;

import java.util.Locale;

/**
 * The CPU time of one {@link TextCnnStepBench} step (the sentiment CNN's training step, 50 sentences) on the
 * calling thread, as {@link ConvStepCpuTime} does for the convolutions: run it with {@code -Djgrad.threads=1}.
 * Prints the median CPU milliseconds per step over rounds of 10 steps. Arguments: sentence length (default
 * 24), rounds (default 15).
 */
public final class TextCnnStepCpuTime {

    private static final int STEPS = 10;

    private TextCnnStepCpuTime() {
    }

    public static void main(String[] args) {
        int length = args.length > 0 ? Integer.parseInt(args[0]) : 24;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        TextCnnStepBench bench = new TextCnnStepBench();
        bench.backend = "simd";
        bench.length = length;
        bench.setup();
        double[] ms = CpuTimeRounds.sortedMillisPerStep(3, rounds, STEPS, bench::step);
        System.out.printf(Locale.ROOT, "sentiment CNN train step, batch 50 of %d words: CPU ms per step (median of %d"
                + " rounds of %d): %.2f (quartiles %.2f, %.2f)%n", length, rounds, STEPS, ms[rounds / 2], ms[rounds / 4],
                ms[3 * rounds / 4]);
    }
}
