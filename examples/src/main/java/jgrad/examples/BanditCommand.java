package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.report.HtmlReport;
import jgrad.report.figures.BanditFigures;
import jgrad.bandit.BanditRun;
import jgrad.bandit.HillstromCustomers;
import jgrad.bandit.HillstromSimulator;
import jgrad.bandit.Policies;
import jgrad.bandit.SyntheticSimulator;
import jgrad.data.BadRows;
import jgrad.data.marketing.MarketingData;

/**
 * {@code ./jgrad bandit --sim hillstrom [--data CSV] [--policy NAME|all] [--rounds N] [--seeds S]}: each policy
 * played on the simulator calibrated on Hillstrom's experiment, with its reward and regret averaged over seeds.
 */
final class BanditCommand implements Command {

    static final String HILLSTROM = "hillstrom-email/Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv";

    @Override public String name() { return "bandit"; }
    @Override public String usage() { return "--sim hillstrom [--data CSV] [--policy NAME|all] [--rounds N] [--seeds S] [--report DIR]"
            + " | --ope yes [--sim synthetic|hillstrom] [--actions K] [--rounds N] [--seeds S]"; }
    @Override public String summary() { return "bandit policies on a simulator calibrated on real data: reward and regret"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--sim", "--data", "--policy", "--rounds", "--seeds",
                "--ope", "--actions", "--report"));
        Path reportDir = o.containsKey("--report") ? ReportOption.directory(o.get("--report")) : null;
        String sim = o.getOrDefault("--sim", "hillstrom");
        if (!sim.equals("hillstrom") && !sim.equals("synthetic")) {
            throw new UsageException("--sim must be hillstrom (calibrated on Hillstrom's e-mail experiment) or synthetic,"
                    + " got '" + sim + "'");
        }
        boolean ope = o.containsKey("--ope") && parseYesNo(o.get("--ope"));
        if (sim.equals("synthetic") && !ope) {
            throw new UsageException("--sim synthetic is for --ope yes (the policies are compared on --sim hillstrom)");
        }
        if (ope) {
            if (o.containsKey("--policy")) {
                throw new UsageException("--policy does not go with --ope (the target is ε-greedy on the truth)");
            }
            int rounds = o.containsKey("--rounds") ? Main.positiveInt("--rounds", o.get("--rounds")) : 10_000;
            int seeds = o.containsKey("--seeds") ? Main.positiveInt("--seeds", o.get("--seeds")) : 20;
            int actions = o.containsKey("--actions") ? Main.positiveInt("--actions", o.get("--actions")) : 10;
            OpeReport.run(out, sim.equals("synthetic") ? new SyntheticSimulator(actions, 10, 2026) : hillstrom(o), rounds,
                    seeds);
            return 0;
        }
        String policy = o.getOrDefault("--policy", "all");
        if (!policy.equals("all") && !Policies.NAMES.contains(policy)) {
            throw new UsageException("--policy must be all or one of " + Policies.NAMES + ", got '" + policy + "'");
        }
        int rounds = o.containsKey("--rounds") ? Main.positiveInt("--rounds", o.get("--rounds")) : 200_000;
        int seeds = o.containsKey("--seeds") ? Main.positiveInt("--seeds", o.get("--seeds")) : 20;
        HillstromSimulator simulator = hillstrom(o);
        out.printf(Locale.ROOT, "simulator: response models fitted on Hillstrom's experiment (visit), arms %s%n",
                simulator.armNames());
        out.printf(Locale.ROOT, "%,d rounds, mean over %d seeds (environment seed s, policy seed 1000 + s)%n%n", rounds, seeds);
        out.printf(Locale.ROOT, "%-16s %14s %14s %18s %18s%n", "policy", "reward", "reward/round", "regret vs oracle",
                "regret vs best arm");
        List<String> names = policy.equals("all") ? Policies.NAMES : List.of(policy);
        List<BanditRun.Result> results = new ArrayList<>();
        Map<String, double[][]> regret = new java.util.LinkedHashMap<>();
        for (String name : names) {
            results.clear();
            for (int s = 1; s <= seeds; s++) {
                var p = Policies.create(name, simulator.arms(), simulator.dimension(), new SplittableRandom(1000 + s));
                results.add(BanditRun.run(simulator, p, rounds, new SplittableRandom(s)));
            }
            print(out, name, results);
            regret.put(name, BanditRun.meanRegretCurve(results));
        }
        // every policy saw the same customers, so the yardsticks are the same for all
        double oracle = results.stream().mapToDouble(BanditRun.Result::oracleReward).average().orElseThrow();
        double best = results.stream().mapToDouble(BanditRun.Result::bestFixedArmReward).average().orElseThrow();
        out.printf(Locale.ROOT, "%nexpected reward of the oracle (best arm for each customer): %,.1f (%.4f per round)%n",
                oracle, oracle / rounds);
        out.printf(Locale.ROOT, "expected reward of the best fixed arm (%s): %,.1f (%.4f per round)%n",
                simulator.armNames().get(results.get(0).bestFixedArm()), best, best / rounds);
        if (reportDir != null) {
            HtmlReport page = new HtmlReport("Bandit policies on the Hillstrom simulator");
            page.meta(String.format(Locale.ROOT, "%,d rounds, mean over %d seeds; arms %s", rounds, seeds,
                    simulator.armNames()));
            page.figure(BanditFigures.cumulativeRegret(regret, "the best fixed arm ("
                    + simulator.armNames().get(results.get(0).bestFixedArm()) + ")"),
                    "Below zero, a policy has earned more than always playing the best single arm.");
            ReportOption.write(page, reportDir, "bandit", out);
        }
        return 0;
    }

    private static HillstromSimulator hillstrom(Map<String, String> o) {
        Path data = o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data")) : sharedData(HILLSTROM);
        return HillstromSimulator.fit(HillstromCustomers.of(MarketingData.hillstrom(data, BadRows.failFast()), "visit"));
    }

    private static boolean parseYesNo(String value) {
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new UsageException("--ope takes yes or no, got '" + value + "'");
        };
    }

    private static void print(PrintStream out, String name, List<BanditRun.Result> results) {
        double reward = results.stream().mapToDouble(BanditRun.Result::reward).average().orElseThrow();
        double oracle = stats(results.stream().mapToDouble(BanditRun.Result::regretVsOracle).toArray());
        double bestArm = stats(results.stream().mapToDouble(BanditRun.Result::regretVsBestFixedArm).toArray());
        double se = standardError(results.stream().mapToDouble(BanditRun.Result::regretVsBestFixedArm).toArray());
        int rounds = results.get(0).rounds();
        out.printf(Locale.ROOT, "%-16s %,14.1f %14.4f %18.1f %12.1f ± %.1f%n", name, reward, reward / rounds, oracle, bestArm, se);
    }

    private static double stats(double[] v) {
        return java.util.Arrays.stream(v).average().orElseThrow();
    }

    private static double standardError(double[] v) {
        double mean = stats(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return v.length < 2 ? Double.NaN : Math.sqrt(ss / (v.length - 1) / v.length);
    }

    /** A file under the shared data folder ({@code $JGRAD_DATA} or {@code ../shared/data}). */
    static Path sharedData(String relative) {
        String root = System.getenv("JGRAD_DATA");
        Path base = root != null && !root.isBlank() ? Path.of(root) : Path.of("..", "shared", "data");
        return base.resolve(relative);
    }
}
