package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.cohort.Period;
import jgrad.cohort.RetentionCohorts;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/**
 * {@code ./jgrad retention --data CSV --user COL --time COL [--period day|week|month|year] [--periods K]
 * [--min-users N]}: the retention table of first-activity cohorts; times are Unix epoch seconds.
 */
final class RetentionCommand implements Command {

    @Override public String name() { return "retention"; }
    @Override public String usage() {
        return "--data CSV --user COL --time COL [--period day|week|month|year] [--periods K] [--min-users N]";
    }
    @Override public String summary() { return "retention by first-activity cohort over an event log"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--data", "--user", "--time", "--period", "--periods",
                "--min-users"));
        if (!o.containsKey("--data") || !o.containsKey("--user") || !o.containsKey("--time")) {
            throw new UsageException("needs --data CSV --user COL --time COL (times in Unix epoch seconds)");
        }
        Period period = switch (o.getOrDefault("--period", "month")) {
            case "day" -> Period.DAY;
            case "week" -> Period.WEEK;
            case "month" -> Period.MONTH;
            case "year" -> Period.YEAR;
            default -> throw new UsageException("--period must be day, week, month or year, got '" + o.get("--period") + "'");
        };
        int periods = o.containsKey("--periods") ? Main.positiveInt("--periods", o.get("--periods")) : 6;
        int minUsers = o.containsKey("--min-users") ? Main.positiveInt("--min-users", o.get("--min-users")) : 1;
        Path data = ExampleOptions.path("--data", o.get("--data"));
        String user = o.get("--user");
        String time = o.get("--time");
        if (user.equals(time)) {
            throw new UsageException("--user and --time name the same column '" + user + "'");
        }
        Table events = new CsvReader(CsvFormat.csv(), Schema.of(Column.of(user, ColumnType.LONG),
                Column.of(time, ColumnType.LONG).range(0, 253402300799L))).read(data);
        if (events.rowCount() == 0) {
            throw new IllegalArgumentException(data + ": holds no events, only a header line");
        }
        RetentionCohorts r = RetentionCohorts.of(events.longs(user), events.longs(time), period, periods);
        print(out, data, events.rowCount(), r, minUsers);
        return 0;
    }

    private static void print(PrintStream out, Path data, int events, RetentionCohorts r, int minUsers) {
        int users = r.cohorts().stream().mapToInt(RetentionCohorts.Cohort::users).sum();
        int periods = r.weightedRetention().length;
        out.printf(Locale.ROOT, "%s: %,d events of %,d users in %d %s cohorts; share of each cohort active k %ss later%n%n",
                data.getFileName(), events, users, r.cohorts().size(), name(r.period()), name(r.period()));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-12s %7s", "cohort", "users"));
        for (int k = 0; k < periods; k++) {
            header.append(String.format(Locale.ROOT, " %7s", "k=" + k));
        }
        out.println(header);
        int hidden = 0;
        for (RetentionCohorts.Cohort c : r.cohorts()) {
            if (c.users() < minUsers) {
                hidden++;
                continue;
            }
            out.println(row(r.period().label(c.period()), c.users(), c.retention()));
        }
        out.println(row("all (weighted)", users, r.weightedRetention()));
        if (hidden > 0) {
            out.printf(Locale.ROOT, "(%d cohorts of fewer than %d users not shown; they count in the weighted row)%n",
                    hidden, minUsers);
        }
        out.println("(— : the log ends before that period)");
    }

    private static String row(String label, int users, double[] retention) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s %,7d", label, users));
        for (double v : retention) {
            sb.append(Double.isNaN(v) ? String.format(Locale.ROOT, " %7s", "—")
                    : String.format(Locale.ROOT, " %6.1f%%", 100 * v));
        }
        return sb.toString();
    }

    private static String name(Period p) {
        return p.name().toLowerCase(Locale.ROOT);
    }
}
