package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.abtest.Interval;
import jgrad.cohort.CampaignMeasures;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/**
 * {@code ./jgrad funnel --data CSV --group COL --click COL --conversion COL [--revenue COL]
 * [--cost COL | --cost-per-contact X] [--holdout NAME]}: CTR, CVR, cost per acquisition and return on spend by
 * group over a log of one row per contact ({@code jgrad.cohort.CampaignMeasures}); with a holdout group, the
 * conversions each group caused and what each of them cost.
 */
final class FunnelCommand implements Command {

    private static final List<String> OPTIONS = List.of("--data", "--group", "--click", "--conversion", "--revenue",
            "--cost", "--cost-per-contact", "--holdout");

    @Override public String name() { return "funnel"; }
    @Override public String usage() {
        return "--data CSV --group COL --click COL --conversion COL [--revenue COL] [--cost COL | --cost-per-contact X]"
                + " [--holdout NAME]";
    }
    @Override public String summary() { return "CTR, CVR and cost per acquisition by campaign group over a contact log"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, OPTIONS);
        for (String required : List.of("--data", "--group", "--click", "--conversion")) {
            if (!o.containsKey(required)) {
                throw new UsageException("needs --data CSV --group COL --click COL --conversion COL (missing " + required + ")");
            }
        }
        if (o.containsKey("--cost") && o.containsKey("--cost-per-contact")) {
            throw new UsageException("--cost and --cost-per-contact both set the cost; give one");
        }
        if (o.containsKey("--cost-per-contact") && !o.containsKey("--holdout")) {
            throw new UsageException("--cost-per-contact needs --holdout NAME, the group that was not contacted");
        }
        Path data = ExampleOptions.path("--data", o.get("--data"));
        Table table = new CsvReader(CsvFormat.csv(), schema(o)).read(data);
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException(data + ": holds no rows, only a header line");
        }
        String[] groups = table.strings(o.get("--group"));
        double[] cost = o.containsKey("--cost") ? table.doubles(o.get("--cost"))
                : CampaignMeasures.contactCosts(groups, o.containsKey("--cost-per-contact")
                        ? Main.positiveNumber("--cost-per-contact", o.get("--cost-per-contact")) : 0, o.get("--holdout"));
        double[] revenue = o.containsKey("--revenue") ? table.doubles(o.get("--revenue")) : new double[groups.length];
        CampaignMeasures m;
        try {
            m = CampaignMeasures.of(groups, table.booleans(o.get("--click")), table.booleans(o.get("--conversion")), cost,
                    revenue);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(data + ": " + e.getMessage() + " (data rows are counted from 1, after the header)");
        }
        String holdout = o.get("--holdout");
        if (holdout != null) {
            m.group(holdout);
        }
        out.printf(Locale.ROOT, "%s: %,d contacts in %d groups (95 %% Wilson intervals)%n%n", data.getFileName(),
                table.rowCount(), m.groups().size());
        print(out, m, holdout);
        return 0;
    }

    private static Schema schema(Map<String, String> o) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of(o.get("--group"), ColumnType.STRING));
        columns.add(Column.of(o.get("--click"), ColumnType.BOOLEAN));
        columns.add(Column.of(o.get("--conversion"), ColumnType.BOOLEAN));
        if (o.containsKey("--revenue")) {
            columns.add(Column.of(o.get("--revenue"), ColumnType.DOUBLE));
        }
        if (o.containsKey("--cost")) {
            columns.add(Column.of(o.get("--cost"), ColumnType.DOUBLE));
        }
        var names = new LinkedHashSet<String>();
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new UsageException("two options name the same column '" + c.name() + "'");
            }
        }
        return Schema.of(columns.toArray(Column[]::new));
    }

    private static void print(PrintStream out, CampaignMeasures m, String holdout) {
        out.printf(Locale.ROOT, "%-16s %9s %8s %-19s %7s %-19s %10s %9s %11s %8s%n", "group", "contacts", "clicks",
                "CTR", "conv.", "CVR (post-click)", "cost", "CPA", "revenue", "ROAS");
        for (CampaignMeasures.Group g : m.groups().values()) {
            out.printf(Locale.ROOT, "%-16s %,9d %,8d %-19s %,7d %-19s %,10.2f %9s %,11.2f %8s%n", g.name(),
                    g.funnel().impressions(), g.funnel().clicks(), rate(g.ctr(), g.ctrInterval(0.95)),
                    g.funnel().conversions(), rate(g.cvr(), g.cvrInterval(0.95)), g.cost(),
                    money(g.costPerAcquisition(), "no conversions"), g.revenue(), money(g.returnOnSpend(), "no cost"));
        }
        if (holdout == null) {
            return;
        }
        out.printf(Locale.ROOT, "%nagainst the holdout '%s' (converts %.3f %% of its customers without a contact):%n",
                holdout, 100 * m.group(holdout).conversionRate());
        for (CampaignMeasures.Group g : m.groups().values()) {
            if (g.name().equals(holdout)) {
                continue;
            }
            double extra = m.incrementalConversions(g.name(), holdout);
            out.printf(Locale.ROOT, "%-16s %+,.1f conversions caused, incremental CPA %s%n", g.name(), extra,
                    money(m.incrementalCostPerAcquisition(g.name(), holdout), extra > 0 ? "no cost" : "none caused"));
        }
    }

    private static String rate(double value, Interval ci) {
        if (Double.isNaN(value)) {
            return "undefined";
        }
        return String.format(Locale.ROOT, "%.2f%% [%.2f, %.2f]", 100 * value, 100 * ci.lower(), 100 * ci.upper());
    }

    private static String money(double value, String whyUndefined) {
        return Double.isNaN(value) ? "undefined (" + whyUndefined + ")" : String.format(Locale.ROOT, "%,.2f", value);
    }
}
