package jgrad.bench.models;

import java.util.Locale;

/**
 * The CPU time of one {@link ConvBench} step (fashion-cnn's convolutions and poolings, forward and backward,
 * batch 64) on the calling thread: run it with {@code -Djgrad.threads=1}, which keeps every kernel on this
 * thread, so that a loaded machine changes the figure little. Prints the median CPU milliseconds per step
 * over rounds of 10 steps. Argument: rounds (default 15).
 */
public final class ConvStepCpuTime {

    private static final int STEPS = 10;

    private ConvStepCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        ConvBench bench = new ConvBench();
        bench.backend = "simd";
        bench.setup();
        double[] ms = CpuTimeRounds.sortedMillisPerStep(3, rounds, STEPS, bench::fashionCnnConvolutions);
        System.out.printf(Locale.ROOT, "fashion-cnn convolutions fwd+bwd, batch 64: CPU ms per step (median of %d rounds"
                + " of %d): %.2f (quartiles %.2f, %.2f)%n", rounds, STEPS, ms[rounds / 2], ms[rounds / 4], ms[3 * rounds / 4]);
    }
}
