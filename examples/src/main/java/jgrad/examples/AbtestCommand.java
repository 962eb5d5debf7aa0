package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.abtest.GroupedOutcomes;
import jgrad.abtest.PeekingSimulation;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/**
 * {@code ./jgrad abtest --data CSV --group COL --outcome COL [--control NAME]}: each other group's rate tested
 * against the control's, with intervals, lift, power and the sample-ratio check; and
 * {@code ./jgrad abtest --peeking-runs N}: the A/A simulation of daily peeking. The statistics are
 * {@code jgrad.abtest}'s; this class parses options and reads the file.
 */
final class AbtestCommand implements Command {

    private static final List<String> OPTIONS = List.of("--data", "--group", "--outcome", "--control", "--confidence",
            "--mde", "--power", "--peeking-runs", "--days", "--per-day", "--rate", "--seed");

    @Override public String name() { return "abtest"; }
    @Override public String usage() {
        return "--data CSV --group COL --outcome COL [--control NAME] [--confidence C] [--mde D] [--power P]"
                + " | --peeking-runs N [--days D] [--per-day N] [--rate P] [--seed S]";
    }
    @Override public String summary() { return "A/B test of conversion rates by group; or the daily-peeking simulation"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, OPTIONS);
        double confidence = fraction(o, "--confidence", 0.95);
        if (o.containsKey("--peeking-runs")) {
            refuse(o, List.of("--data", "--group", "--outcome", "--control", "--power"), "--peeking-runs");
            return peeking(o, confidence, out);
        }
        refuse(o, List.of("--days", "--per-day", "--rate", "--seed"), "--data");
        if (!o.containsKey("--data") || !o.containsKey("--group") || !o.containsKey("--outcome")) {
            throw new UsageException("needs --data CSV --group COL --outcome COL (or --peeking-runs N for the simulation)");
        }
        Path data = ExampleOptions.path("--data", o.get("--data"));
        String group = o.get("--group");
        String outcome = o.get("--outcome");
        if (group.equals(outcome)) {
            throw new UsageException("--group and --outcome name the same column '" + group + "'");
        }
        Table table = new CsvReader(CsvFormat.csv(), Schema.of(Column.of(group, ColumnType.STRING),
                Column.of(outcome, ColumnType.DOUBLE))).read(data);
        GroupedOutcomes counts = countRows(table, group, outcome);
        String control = o.getOrDefault("--control", counts.groups().keySet().iterator().next());
        counts.group(control);
        double mde = o.containsKey("--mde") ? Double.parseDouble(checkedNumber("--mde", o.get("--mde"))) : 0.01;
        if (!(mde > 0 && mde < 1)) {
            throw new UsageException("--mde is an absolute difference of rates and must lie in (0, 1), got " + o.get("--mde"));
        }
        double power = fraction(o, "--power", 0.8);
        out.printf(Locale.ROOT, "%s: %,d rows; groups in '%s', outcome '%s'%n%n", data.getFileName(), table.rowCount(),
                group, outcome);
        new AbtestReport(out, confidence, mde, power).print(counts, control);
        return 0;
    }

    private static GroupedOutcomes countRows(Table table, String group, String outcome) {
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException(table.source() + ": holds no rows, only a header line");
        }
        GroupedOutcomes counts;
        try {
            counts = GroupedOutcomes.count(table.strings(group), table.doubles(outcome));
        } catch (IllegalArgumentException e) {
            // the library counts data rows from 1; the file has its header on line 1
            throw new IllegalArgumentException(table.source() + ": column '" + outcome + "' or '" + group + "': "
                    + e.getMessage() + " (data rows are counted from 1, after the header)");
        }
        if (counts.groups().size() < 2) {
            throw new IllegalArgumentException(table.source() + ": column '" + group + "' has only one group ('"
                    + counts.groups().keySet().iterator().next() + "'); an A/B test needs at least two");
        }
        return counts;
    }

    private static int peeking(Map<String, String> o, double confidence, PrintStream out) {
        int runs = Main.positiveInt("--peeking-runs", o.get("--peeking-runs"));
        int days = o.containsKey("--days") ? Main.positiveInt("--days", o.get("--days")) : 20;
        int perDay = o.containsKey("--per-day") ? Main.positiveInt("--per-day", o.get("--per-day")) : 500;
        double rate = fraction(o, "--rate", 0.1);
        double tau = o.containsKey("--mde") ? fraction(o, "--mde", 0.01) : 0.01;
        long seed = o.containsKey("--seed") ? parseSeed(o.get("--seed")) : 1;
        double alpha = 1 - confidence;
        PeekingSimulation.Result r = PeekingSimulation.run(rate, perDay, days, runs, alpha, tau, new SplittableRandom(seed));
        AbtestReport.peeking(out, r, rate, perDay, alpha, tau, seed);
        return 0;
    }

    private static void refuse(Map<String, String> o, List<String> options, String mode) {
        for (String option : options) {
            if (o.containsKey(option)) {
                throw new UsageException(option + " does not go with " + mode);
            }
        }
    }

    /** A probability-like option strictly inside (0, 1). */
    private static double fraction(Map<String, String> o, String option, double fallback) {
        if (!o.containsKey(option)) {
            return fallback;
        }
        double v = Double.parseDouble(checkedNumber(option, o.get(option)));
        if (!(v > 0 && v < 1)) {
            throw new UsageException(option + " must lie strictly between 0 and 1, got '" + o.get(option) + "'");
        }
        return v;
    }

    private static String checkedNumber(String option, String text) {
        try {
            Double.parseDouble(text);
            return text;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number, got '" + text + "'");
        }
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number, got '" + text + "'");
        }
    }
}
