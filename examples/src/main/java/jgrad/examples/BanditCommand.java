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
import jgrad.bandit.BankSimulator;
import jgrad.bandit.BanditRun;
import jgrad.bandit.ContextualSimulator;
import jgrad.bandit.HillstromCustomers;
import jgrad.bandit.HillstromSimulator;
import jgrad.bandit.Policies;
import jgrad.bandit.SyntheticSimulator;
import jgrad.data.BadRows;
import jgrad.data.marketing.MarketingData;

/**
 * {@code ./jgrad bandit --sim hillstrom|bank [--data CSV] [--policy NAME|all] [--rounds N] [--seeds S]}: each policy
 * played on a simulator calibrated on real data (Hillstrom's e-mail experiment, or the UCI bank marketing calls),
 * with its reward and regret averaged over seeds; {@code --ope yes} logs a run under ε-greedy and evaluates every
 * policy from the log, {@code --ope benchmark} checks the estimators on a fixed target over 20 seeds.
 */
final class BanditCommand implements Command {

    static final String BANK = "bank-marketing/bank-additional-full.csv";
    static final String HILLSTROM = "hillstrom-email/Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv";

    @Override public String name() { return "bandit"; }
    @Override public String usage() { return "--sim hillstrom|bank [--data CSV] [--policy NAME|all] [--rounds N] [--seeds S] [--report DIR]"
            + " | --ope yes|benchmark [--sim synthetic|hillstrom|bank] [--actions K] [--rounds N] [--seeds S]"
            + " [--logging-epsilon E] [--train-rounds N]"
            + " | --log CSV --action COL --propensity COL|uniform --reward COL [--context COLS] [--action-names A,B]"; }
    @Override public String summary() { return "bandit policies on a simulator calibrated on real data: reward and regret"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        List<String> simulated = List.of("--sim", "--data", "--policy", "--rounds", "--seeds", "--ope", "--actions",
                "--logging-epsilon", "--train-rounds", "--report");
        List<String> accepted = new ArrayList<>(simulated);
        accepted.addAll(LoggedDataReport.OPTIONS);
        Map<String, String> o = OptionPairs.parse(args, accepted);
        if (o.containsKey("--log")) {
            for (String option : simulated) {
                if (o.containsKey(option)) {
                    throw new UsageException(option + " does not go with --log (a logged file is evaluated as it is)");
                }
            }
            LoggedDataReport.run(o, out);
            return 0;
        }
        for (String option : List.of("--action", "--propensity", "--reward", "--context", "--action-names")) {
            if (o.containsKey(option)) {
                throw new UsageException(option + " goes with --log CSV");
            }
        }
        Path reportDir = o.containsKey("--report") ? ReportOption.directory(o.get("--report")) : null;
        String sim = o.getOrDefault("--sim", "hillstrom");
        if (!List.of("hillstrom", "bank", "synthetic").contains(sim)) {
            throw new UsageException("--sim must be hillstrom (calibrated on Hillstrom's e-mail experiment), bank (on the"
                    + " UCI bank marketing calls) or synthetic, got '" + sim + "'");
        }
        String ope = o.getOrDefault("--ope", "no");
        if (!List.of("yes", "benchmark", "no").contains(ope)) {
            throw new UsageException("--ope takes yes (evaluate every policy from one logged run), benchmark or no, got '"
                    + ope + "'");
        }
        if (sim.equals("synthetic") && ope.equals("no")) {
            throw new UsageException("--sim synthetic is for --ope yes or benchmark (the policies are compared on --sim"
                    + " hillstrom)");
        }
        if (!ope.equals("yes") && (o.containsKey("--logging-epsilon") || o.containsKey("--train-rounds"))) {
            throw new UsageException("--logging-epsilon and --train-rounds go with --ope yes");
        }
        if (!ope.equals("no")) {
            if (o.containsKey("--policy")) {
                throw new UsageException("--policy does not go with --ope (every policy is evaluated from the log)");
            }
            int rounds = o.containsKey("--rounds") ? Main.positiveInt("--rounds", o.get("--rounds")) : 10_000;
            int actions = o.containsKey("--actions") ? Main.positiveInt("--actions", o.get("--actions")) : 10;
            int seeds = o.containsKey("--seeds") ? Main.positiveInt("--seeds", o.get("--seeds"))
                    : ope.equals("benchmark") ? 20 : 5;
            int train = o.containsKey("--train-rounds") ? Main.positiveInt("--train-rounds", o.get("--train-rounds")) : 10_000;
            double epsilon = o.containsKey("--logging-epsilon")
                    ? Main.positiveNumber("--logging-epsilon", o.get("--logging-epsilon")) : 0.2;
            if (epsilon > 1) {
                throw new UsageException("--logging-epsilon is a probability in (0, 1], got '" + o.get("--logging-epsilon")
                        + "'");
            }
            ContextualSimulator simulator = sim.equals("synthetic") ? new SyntheticSimulator(actions, 10, 2026)
                    : calibrated(sim, o);
            if (ope.equals("benchmark")) {
                OpeReport.run(out, simulator, rounds, seeds);
                return 0;
            }
            OpeReport.compare(out, simulator, epsilon, train, rounds, seeds);
            return 0;
        }
        String policy = o.getOrDefault("--policy", "all");
        if (!policy.equals("all") && !Policies.NAMES.contains(policy)) {
            throw new UsageException("--policy must be all or one of " + Policies.NAMES + ", got '" + policy + "'");
        }
        int rounds = o.containsKey("--rounds") ? Main.positiveInt("--rounds", o.get("--rounds")) : 200_000;
        int seeds = o.containsKey("--seeds") ? Main.positiveInt("--seeds", o.get("--seeds")) : 20;
        ContextualSimulator simulator = calibrated(sim, o);
        out.printf(Locale.ROOT, "simulator: response models fitted on %s, arms %s%n", sim.equals("bank")
                ? "the UCI bank marketing calls (subscribed)" : "Hillstrom's experiment (visit)", simulator.armNames());
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

    private static ContextualSimulator calibrated(String sim, Map<String, String> o) {
        if (sim.equals("bank")) {
            Path data = o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data")) : sharedData(BANK);
            return BankSimulator.fit(MarketingData.bankMarketing(data, BadRows.failFast()));
        }
        Path data = o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data")) : sharedData(HILLSTROM);
        return HillstromSimulator.fit(HillstromCustomers.of(MarketingData.hillstrom(data, BadRows.failFast()), "visit"));
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
