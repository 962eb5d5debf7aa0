package jgrad.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.privacy.dp.RdpAccountant;

/**
 * {@code ./jgrad dp-epsilon --n N --batch B (--sigma S | --epsilon X) --epochs E [--delta D]}: the privacy of
 * DP-SGD with Poisson sampling at rate B/N for E·N/B steps, by {@link RdpAccountant}: ε and its order for a
 * noise multiplier, or the noise multiplier for a target ε.
 */
final class DpEpsilonCommand implements Command {

    @Override public String name() { return "dp-epsilon"; }
    @Override public String usage() { return "--n N --batch B (--sigma S | --epsilon X) --epochs E [--delta D]"; }
    @Override public String summary() { return "DP-SGD's (ε, δ) by the RDP accountant, or the noise for a target ε"; }

    @Override
    public int run(String[] args, PrintStream out) {
        Map<String, String> o = OptionPairs.parse(args, List.of("--n", "--batch", "--sigma", "--epsilon", "--epochs",
                "--delta"));
        for (String required : List.of("--n", "--batch", "--epochs")) {
            if (!o.containsKey(required)) {
                throw new UsageException("needs " + required);
            }
        }
        if (o.containsKey("--sigma") == o.containsKey("--epsilon")) {
            throw new UsageException("give exactly one of --sigma S (to get ε) and --epsilon X (to get σ)");
        }
        int n = Main.positiveInt("--n", o.get("--n"));
        int batch = Main.positiveInt("--batch", o.get("--batch"));
        if (batch > n) {
            throw new UsageException("--batch " + batch + " is larger than --n " + n);
        }
        double epochs = Main.positiveNumber("--epochs", o.get("--epochs"));
        double delta = o.containsKey("--delta") ? Main.positiveNumber("--delta", o.get("--delta")) : 1e-5;
        if (delta >= 1) {
            throw new UsageException("--delta must be below 1, got '" + o.get("--delta") + "'");
        }
        double q = (double) batch / n;
        long steps = Math.round(epochs * n / batch);
        out.printf(Locale.ROOT, "Poisson sampling at q = %d/%d = %.6g, %d steps (%s epochs), δ = %.3g%n", batch, n, q, steps,
                o.get("--epochs"), delta);
        if (o.containsKey("--sigma")) {
            double sigma = Main.positiveNumber("--sigma", o.get("--sigma"));
            RdpAccountant.Spent s = RdpAccountant.epsilon(q, sigma, steps, delta);
            out.printf(Locale.ROOT, "σ = %s: ε = %.11f (best RDP order %s)%n", o.get("--sigma"), s.epsilon(),
                    order(s.order()));
        } else {
            double target = Main.positiveNumber("--epsilon", o.get("--epsilon"));
            double sigma = RdpAccountant.noiseMultiplier(target, q, steps, delta);
            RdpAccountant.Spent s = RdpAccountant.epsilon(q, sigma, steps, delta);
            out.printf(Locale.ROOT, "ε ≤ %s needs σ = %.6f (which gives ε = %.6f at order %s)%n", o.get("--epsilon"), sigma,
                    s.epsilon(), order(s.order()));
        }
        return ExitCodes.OK;
    }

    private static String order(double a) {
        return a == Math.rint(a) ? Long.toString((long) a) : Double.toString(a);
    }

}
