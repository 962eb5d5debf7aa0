package jgrad.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import jgrad.abtest.Interval;
import jgrad.bandit.BanditPolicy;
import jgrad.bandit.ContextualSimulator;
import jgrad.bandit.EpsilonGreedy;
import jgrad.bandit.Policies;
import jgrad.ope.Estimator;
import jgrad.ope.LoggedPolicyComparison;
import jgrad.ope.OpeBenchmark;

/** {@code ./jgrad bandit --ope}: off-policy estimates next to the simulator's truth, over seeds. */
final class OpeReport {

    private OpeReport() {
    }

    /** {@code --ope yes}: one log under ε-greedy, every policy of {@link Policies} evaluated from it. */
    static void compare(PrintStream out, ContextualSimulator simulator, double loggingEpsilon, int trainRounds, int rounds,
                        int seeds) {
        var comparison = new LoggedPolicyComparison(trainRounds, rounds, 20_000, 20);
        Map<String, Function<SplittableRandom, BanditPolicy>> targets = new LinkedHashMap<>();
        for (String name : Policies.NAMES) {
            targets.put(name, r -> Policies.create(name, simulator.arms(), simulator.dimension(), r));
        }
        Function<SplittableRandom, BanditPolicy> logging = r -> new EpsilonGreedy(simulator.arms(), loggingEpsilon, 0, r);
        out.printf(Locale.ROOT, "logged: %,d rounds of ε-greedy (ε = %s, learning as it logs) on %d actions; each policy"
                + " trained online for %,d rounds of its own, then frozen and evaluated from the log;%ntruth: its expected"
                + " reward over 20,000 fresh contexts; %d seeds%n%n", rounds, loggingEpsilon, simulator.arms(), trainRounds,
                seeds);
        List<List<LoggedPolicyComparison.Evaluation>> bySeed = new ArrayList<>();
        for (int s = 1; s <= seeds; s++) {
            bySeed.add(comparison.run(simulator, logging, targets, s));
        }
        for (int p = 0; p < targets.size(); p++) {
            LoggedPolicyComparison.Evaluation first = bySeed.get(0).get(p);
            out.printf(Locale.ROOT, "%s: true value %.4f (seed 1)%n", first.policy(), first.truth());
            out.printf(Locale.ROOT, "  %-7s %9s   %-20s %s%n", "", "estimate", "95 % bootstrap (200)",
                    "mean |rel. error| over " + seeds + " seeds");
            for (Estimator e : Estimator.values()) {
                Interval ci = first.estimator().bootstrap(e, 200, 0.95, new SplittableRandom(99));
                int policy = p;
                double error = bySeed.stream().mapToDouble(run -> run.get(policy).relativeError(e)).average().orElseThrow();
                out.printf(Locale.ROOT, "  %-7s %9.4f   [%.4f, %.4f]     %.4f%n", e, first.estimates().get(e), ci.lower(),
                        ci.upper(), error);
            }
        }
        out.printf(Locale.ROOT, "(replay counts the rounds where the log's action is the policy's most probable one)%n");
    }

    /** {@code --ope benchmark}: a fixed target, ε-greedy on the truth, from logs of a softmax policy. */
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
