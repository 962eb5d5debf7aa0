package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.abtest.Interval;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.ope.BanditLog;
import jgrad.ope.Estimator;
import jgrad.ope.LogisticRewardModel;
import jgrad.ope.OffPolicyEstimates;
import jgrad.ope.StochasticPolicy;

/**
 * {@code ./jgrad bandit --log CSV --action COL --propensity COL|uniform --reward COL [--context COLS]
 * [--action-names A,B,…]}: a logged file (one round per row) read into a {@link BanditLog}, and the value of always
 * playing each action estimated from it by every estimator, with bootstrap intervals. {@code uniform} is the
 * propensity 1/K of a randomized experiment (Hillstrom's e-mails); contexts get a leading 1 for the reward model.
 */
final class LoggedDataReport {

    static final List<String> OPTIONS = List.of("--log", "--action", "--propensity", "--reward", "--context",
            "--action-names");

    private LoggedDataReport() {
    }

    static void run(Map<String, String> o, PrintStream out) {
        for (String required : List.of("--action", "--propensity", "--reward")) {
            if (!o.containsKey(required)) {
                throw new UsageException("--log needs --action COL --propensity COL|uniform --reward COL (missing "
                        + required + ")");
            }
        }
        Path file = ExampleOptions.path("--log", o.get("--log"));
        boolean uniform = o.get("--propensity").equals("uniform");
        List<String> contexts = o.containsKey("--context") ? List.of(o.get("--context").split(",")) : List.of();
        Table table = new CsvReader(CsvFormat.csv(), schema(o, uniform, contexts)).read(file);
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException(file + ": holds no rounds, only a header line");
        }
        String[] logged = table.strings(o.get("--action"));
        List<String> actions = actions(o, logged, file);
        int[] taken = Arrays.stream(logged).mapToInt(actions::indexOf).toArray();
        double[] propensity = uniform ? filled(logged.length, 1.0 / actions.size()) : table.doubles(o.get("--propensity"));
        double[][] x = new double[logged.length][contexts.size() + 1];
        for (int j = 0; j < contexts.size(); j++) {
            double[] column = table.doubles(contexts.get(j));
            for (int i = 0; i < x.length; i++) {
                x[i][j + 1] = column[i];
            }
        }
        for (double[] row : x) {
            row[0] = 1;
        }
        BanditLog log;
        try {
            log = new BanditLog(actions.size(), x, taken, propensity, table.doubles(o.get("--reward")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage() + " (rounds are the data rows, from 1)");
        }
        print(out, file, log, actions);
    }

    private static void print(PrintStream out, Path file, BanditLog log, List<String> actions) {
        var model = LogisticRewardModel.fit(log, 1e-3);
        out.printf(Locale.ROOT, "%s: %,d logged rounds, %d actions; the value of always playing each action, with 95 %%"
                + " bootstrap intervals (200 resamples)%n%n", file.getFileName(), log.size(), actions.size());
        out.printf(Locale.ROOT, "%-18s", "always play");
        for (Estimator e : Estimator.values()) {
            out.printf(Locale.ROOT, " %-24s", e);
        }
        out.println();
        for (int a = 0; a < actions.size(); a++) {
            OffPolicyEstimates estimates = new OffPolicyEstimates(log, StochasticPolicy.always(a, actions.size()), model);
            out.printf(Locale.ROOT, "%-18s", actions.get(a));
            for (Estimator e : Estimator.values()) {
                Interval ci = estimates.bootstrap(e, 200, 0.95, new SplittableRandom(99));
                out.printf(Locale.ROOT, " %-24s", String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", estimates.estimate(e),
                        ci.lower(), ci.upper()));
            }
            out.println();
        }
    }

    private static Schema schema(Map<String, String> o, boolean uniform, List<String> contexts) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of(o.get("--action"), ColumnType.STRING));
        columns.add(Column.of(o.get("--reward"), ColumnType.DOUBLE));
        if (!uniform) {
            columns.add(Column.of(o.get("--propensity"), ColumnType.DOUBLE));
        }
        contexts.forEach(c -> columns.add(Column.of(c, ColumnType.DOUBLE)));
        var names = new LinkedHashSet<String>();
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new UsageException("two options name the same column '" + c.name() + "'");
            }
        }
        return Schema.of(columns.toArray(Column[]::new));
    }

    /** The actions in the order {@code --action-names} lists them (each must appear in the log), or as first logged. */
    private static List<String> actions(Map<String, String> o, String[] logged, Path file) {
        List<String> seen = List.copyOf(new LinkedHashSet<>(Arrays.asList(logged)));
        if (!o.containsKey("--action-names")) {
            return seen;
        }
        List<String> listed = List.of(o.get("--action-names").split(","));
        for (String a : listed) {
            if (!seen.contains(a)) {
                throw new IllegalArgumentException(file + ": action '" + a + "' was never logged, so no estimator can"
                        + " say what playing it earns (the log holds " + seen + ")");
            }
        }
        for (String a : seen) {
            if (!listed.contains(a)) {
                throw new IllegalArgumentException(file + ": the log plays '" + a + "', which --action-names " + listed
                        + " does not list");
            }
        }
        return listed;
    }

    private static double[] filled(int n, double value) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return v;
    }
}
