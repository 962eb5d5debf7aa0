package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.bandit.HillstromCustomers;
import jgrad.data.BadRows;
import jgrad.data.marketing.MarketingData;
import jgrad.rl.CampaignEnvironment;
import jgrad.rl.Reinforce;

/**
 * {@code ./jgrad campaign-rl [--data CSV] [--iterations N] [--episodes N] [--seed S]}: REINFORCE on the weekly
 * e-mail campaign, against the fixed rules, each scored by its expected return per customer.
 */
final class CampaignRlCommand implements Command {

    private static final int WEEKS = 8;
    private static final int EVALUATION_CUSTOMERS = 20_000;

    @Override public String name() { return "campaign-rl"; }
    @Override public String usage() { return "[--data CSV] [--iterations N] [--episodes N] [--seed S]"; }
    @Override public String summary() { return "REINFORCE on an 8-week e-mail campaign with contact fatigue, vs fixed rules"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--data", "--iterations", "--episodes", "--seed"));
        int iterations = o.containsKey("--iterations") ? Main.positiveInt("--iterations", o.get("--iterations")) : 1000;
        int episodes = o.containsKey("--episodes") ? Main.positiveInt("--episodes", o.get("--episodes")) : 256;
        long seed = o.containsKey("--seed") ? seed(o.get("--seed")) : 1;
        Path data = o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data"))
                : BanditCommand.sharedData(BanditCommand.HILLSTROM);
        CampaignEnvironment env = new CampaignEnvironment(
                HillstromCustomers.of(MarketingData.hillstrom(data, BadRows.failFast()), "visit"), WEEKS, 0.5, 0.6, 0.05);
        out.printf(Locale.ROOT, "%d-week campaign on Hillstrom's customers: reward = visit − 0.05 per e-mail; an e-mail's"
                + " effect fades as exp(−0.5·fatigue), fatigue ← 0.6·fatigue + 1 per e-mail%n", WEEKS);
        Reinforce reinforce = new Reinforce(env, 16, new SplittableRandom(seed), BackendOption.device());
        long start = System.nanoTime();
        double[] history = reinforce.train(iterations, episodes, 3e-3, new SplittableRandom(seed + 1));
        out.printf(Locale.ROOT, "REINFORCE: %d iterations of %d customers in %.1f s; mean sampled return %.4f (first 10"
                + " iterations) → %.4f (last 10)%n%n", iterations, episodes, (System.nanoTime() - start) / 1e9,
                mean(history, 0, 10), mean(history, history.length - 10, history.length));
        out.printf(Locale.ROOT, "expected return per customer over the same %,d customers (seed 12345):%n",
                EVALUATION_CUSTOMERS);
        row(out, "never send", env.evaluate(s -> 0, EVALUATION_CUSTOMERS, new SplittableRandom(12345)));
        row(out, "always send men's", env.evaluate(s -> 1, EVALUATION_CUSTOMERS, new SplittableRandom(12345)));
        row(out, "always send the best offer", env.evaluate(env::bestOffer, EVALUATION_CUSTOMERS, new SplittableRandom(12345)));
        row(out, "best offer every other week", env.evaluate(s -> s.week() % 2 == 0 ? env.bestOffer(s) : 0,
                EVALUATION_CUSTOMERS, new SplittableRandom(12345)));
        row(out, "REINFORCE (its policy π)", reinforce.evaluate(EVALUATION_CUSTOMERS, false, new SplittableRandom(12345)));
        row(out, "REINFORCE (greedy: argmax π)", reinforce.evaluate(EVALUATION_CUSTOMERS, true, new SplittableRandom(12345)));
        return 0;
    }

    private static void row(PrintStream out, String name, double value) {
        out.printf(Locale.ROOT, "  %-30s %.4f%n", name, value);
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        int lo = Math.max(0, from);
        for (int i = lo; i < to; i++) {
            s += v[i];
        }
        return s / (to - lo);
    }

    private static long seed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number, got '" + text + "'");
        }
    }
}
