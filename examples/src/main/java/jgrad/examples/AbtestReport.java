package jgrad.examples;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import jgrad.abtest.GroupedOutcomes;
import jgrad.abtest.Interval;
import jgrad.abtest.MixtureSprt;
import jgrad.abtest.PeekingSimulation;
import jgrad.abtest.Proportion;
import jgrad.abtest.SampleRatioCheck;
import jgrad.abtest.SampleSize;
import jgrad.abtest.TwoProportionTest;

/** Prints what {@link AbtestCommand} computed with {@code jgrad.abtest}. */
final class AbtestReport {

    private final PrintStream out;
    private final double confidence;
    private final double mde;
    private final double power;

    AbtestReport(PrintStream out, double confidence, double mde, double power) {
        this.out = out;
        this.confidence = confidence;
        this.mde = mde;
        this.power = power;
    }

    void print(GroupedOutcomes counts, String control) {
        String level = percent(confidence, 0);
        out.printf(Locale.ROOT, "%-24s %10s %10s %9s   %s Wilson interval%n", "group", "rows", "successes", "rate", level);
        for (Map.Entry<String, Proportion> g : counts.groups().entrySet()) {
            Proportion p = g.getValue();
            String name = g.getKey().equals(control) ? g.getKey() + " (control)" : g.getKey();
            out.printf(Locale.ROOT, "%-24s %,10d %,10d %9s   %s%n", name, p.trials(), p.successes(), percent(p.rate(), 2),
                    interval(p.wilson(confidence), 2));
        }
        Proportion base = counts.group(control);
        for (Map.Entry<String, Proportion> g : counts.groups().entrySet()) {
            if (!g.getKey().equals(control)) {
                compare(g.getKey(), g.getValue(), control, base);
            }
        }
        SampleRatioCheck srm = SampleRatioCheck.equalShares(counts.sizes());
        out.printf(Locale.ROOT, "%nsample-ratio check (planned: equal shares): χ² = %.3f, df %d, p = %.4g — %s%n",
                srm.chiSquare(), srm.degreesOfFreedom(), srm.pValue(), srm.pValue() < 0.001
                        ? "MISMATCH: the split is not what was planned; check assignment and logging before trusting the test"
                        : "no mismatch");
    }

    private void compare(String name, Proportion treatment, String controlName, Proportion control) {
        TwoProportionTest t = TwoProportionTest.of(control, treatment, confidence);
        String level = percent(confidence, 0);
        out.printf(Locale.ROOT, "%n%s vs %s%n", name, controlName);
        out.printf(Locale.ROOT, "  difference     %+.2f pp, %s Newcombe interval [%+.2f, %+.2f] pp%n",
                100 * t.observedDifference(), level, 100 * t.difference().lower(), 100 * t.difference().upper());
        if (Double.isNaN(t.relativeLiftInterval().lower())) {
            out.println("  relative lift  undefined: a group has no successes, so the ratio of rates has no interval");
        } else {
            out.printf(Locale.ROOT, "  relative lift  %+.1f %%, %s interval [%+.1f, %+.1f] %%%n", 100 * t.relativeLift(),
                    level, 100 * t.relativeLiftInterval().lower(), 100 * t.relativeLiftInterval().upper());
        }
        out.printf(Locale.ROOT, "  z-test         z = %.3f, two-sided p = %.4g%n", t.z(), t.pValue());
        double avp = new MixtureSprt(mde).look(control, treatment);
        out.printf(Locale.ROOT, "  sequential     always-valid p = %.4g (mixture SPRT, τ = %s); valid however often it is looked at%n",
                avp, percent(mde, 2));
        powerLine(control, treatment);
    }

    private void powerLine(Proportion control, Proportion treatment) {
        double base = control.rate();
        if (!(base > 0 && base < 1 && base + mde < 1)) {
            out.println("  power          undefined: the control's rate is 0 or 1, or the effect would push it past 1");
            return;
        }
        long n = Math.min(control.trials(), treatment.trials());
        double alpha = 1 - confidence;
        out.printf(Locale.ROOT, "  power          %s to detect +%s pp at these sizes; %,d per group give %s power%n",
                percent(SampleSize.power(base, mde, n, alpha), 1), fmt(100 * mde), SampleSize.perGroup(base, mde, alpha, power),
                percent(power, 0));
    }

    static void peeking(PrintStream out, PeekingSimulation.Result r, double rate, int perDay, double alpha, double tau,
                        long seed) {
        out.printf(Locale.ROOT, "%,d A/A tests (true rate %s in both groups), %,d visitors per group per day, a look each"
                + " day for %d days, α = %s, seed %d%n%n", r.runs(), percent(rate, 1), perDay, r.days(), fmt(alpha), seed);
        out.printf(Locale.ROOT, "%-44s %16s   %s%n", "procedure", "false positives", "99 % Wilson interval");
        row(out, "z-test once, at the end", r.fixedHorizonRate());
        row(out, "z-test every day, stop at first p < α", r.naivePeekingRate());
        row(out, "mixture SPRT every day (τ = " + percent(tau, 2) + ")", r.sequentialRate());
        row(out, "O'Brien–Fleming alpha spending every day", r.alphaSpendingRate());
    }

    private static void row(PrintStream out, String name, Proportion p) {
        out.printf(Locale.ROOT, "%-44s %7s (%,5d)   %s%n", name, percent(p.rate(), 1), p.successes(), interval(p.wilson(0.99), 1));
    }

    private static String interval(Interval i, int digits) {
        return "[" + percent(i.lower(), digits) + ", " + percent(i.upper(), digits) + "]";
    }

    private static String percent(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f %%", 100 * v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
    }
}
