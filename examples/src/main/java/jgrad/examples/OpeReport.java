package jgrad.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import jgrad.abtest.Interval;
import jgrad.bandit.ContextualSimulator;
import jgrad.ope.Estimator;
import jgrad.ope.OpeBenchmark;

/** {@code ./jgrad bandit --ope}: off-policy estimates next to the simulator's truth, over seeds. */
final class OpeReport {

    private OpeReport() {
    }

    static void run(PrintStream out, ContextualSimulator simulator, int rounds, int seeds) {
        OpeBenchmark bench = new OpeBenchmark(0.5, 0.1, 1_000_000);
        out.printf(Locale.ROOT, "off-policy evaluation: %,d rounds logged per seed under π₀ ∝ exp(0.5·logit μ), %d actions;"
                + " target: ε-greedy on the truth (ε = 0.1); truth from 1,000,000 fresh contexts%n%n", rounds,
                simulator.arms());
        List<OpeBenchmark.Trial> trials = new ArrayList<>();
        for (int s = 1; s <= seeds; s++) {
            trials.add(bench.run(simulator, rounds, s));
        }
        OpeBenchmark.Trial first = trials.get(0);
        out.printf(Locale.ROOT, "seed 1: true value %.4f%n", first.truth());
        out.printf(Locale.ROOT, "%-8s %10s   %-22s %22s %14s%n", "", "seed 1", "95 % bootstrap (200)", "mean rel. error", "max");
        for (Estimator e : Estimator.values()) {
            Interval ci = first.estimator().bootstrap(e, 200, 0.95, new SplittableRandom(99));
            double mean = trials.stream().mapToDouble(t -> t.relativeError(e)).average().orElseThrow();
            double max = trials.stream().mapToDouble(t -> t.relativeError(e)).max().orElseThrow();
            out.printf(Locale.ROOT, "%-8s %10.4f   [%.4f, %.4f] %16s %.4f %14.4f%n", e, first.estimates().get(e),
                    ci.lower(), ci.upper(), "", mean, max);
        }
        out.printf(Locale.ROOT, "(mean and max over %d seeds of |estimate − truth| / truth)%n", seeds);
    }
}
