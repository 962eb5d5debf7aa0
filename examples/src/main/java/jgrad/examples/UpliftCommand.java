package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import jgrad.report.Axis;
import jgrad.report.BarChart;
import jgrad.report.HtmlReport;
import jgrad.report.figures.UpliftFigures;
import jgrad.bandit.HillstromCustomers;
import jgrad.data.BadRows;
import jgrad.data.marketing.MarketingData;
import jgrad.uplift.UpliftData;
import jgrad.uplift.UpliftExperiment;
import jgrad.uplift.UpliftLearners;
import jgrad.uplift.UpliftMetrics;
import jgrad.uplift.UpliftModel;

/**
 * {@code ./jgrad uplift [--data hillstrom.csv] --treatment womens|mens --target visit|conversion [--splits N]}: the
 * uplift learners on Hillstrom's experiment, scored on held-out halves, and whom to mail.
 */
final class UpliftCommand implements Command {

    @Override public String name() { return "uplift"; }
    @Override public String usage() {
        return "--treatment womens|mens --target visit|conversion [--data CSV] [--splits N] [--report DIR]";
    }
    @Override public String summary() { return "uplift models on Hillstrom's e-mail experiment: uplift@k, Qini, AUUC"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--data", "--treatment", "--target", "--splits",
                "--report"));
        String treatment = o.getOrDefault("--treatment", "womens");
        String target = o.getOrDefault("--target", "visit");
        if (!treatment.equals("womens") && !treatment.equals("mens")) {
            throw new UsageException("--treatment must be womens or mens, got '" + treatment + "'");
        }
        if (!target.equals("visit") && !target.equals("conversion")) {
            throw new UsageException("--target must be visit or conversion, got '" + target + "'");
        }
        Path reportDir = o.containsKey("--report") ? ReportOption.directory(o.get("--report")) : null;
        int splits = o.containsKey("--splits") ? Main.positiveInt("--splits", o.get("--splits")) : 5;
        Path data = o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data"))
                : BanditCommand.sharedData(BanditCommand.HILLSTROM);
        UpliftData rows = UpliftExperiment.hillstrom(
                HillstromCustomers.of(MarketingData.hillstrom(data, BadRows.failFast()), target), treatment);
        out.printf(Locale.ROOT, "%s e-mail vs no e-mail, target %s: %,d customers (%.1f %% treated); %d seeded 50/50 splits,"
                + " mean ± sd on the held-out half%n%n", treatment, target, rows.size(), 100 * rows.treatedShare(), splits);
        Map<String, List<UpliftExperiment.Scores>> results = UpliftExperiment.run(rows, splits, UpliftExperiment.learners(BackendOption.device()));
        out.printf(Locale.ROOT, "%-22s %16s %16s %16s %18s %18s%n", "model", "uplift@10%", "uplift@20%", "uplift@30%",
                "Qini coefficient", "AUUC");
        for (var e : results.entrySet()) {
            List<UpliftExperiment.Scores> s = e.getValue();
            out.printf(Locale.ROOT, "%-22s %16s %16s %16s %18s %18s%n", e.getKey(), cell(s, UpliftExperiment.Scores::upliftAt10),
                    cell(s, UpliftExperiment.Scores::upliftAt20), cell(s, UpliftExperiment.Scores::upliftAt30),
                    cell(s, UpliftExperiment.Scores::qini, 5), cell(s, UpliftExperiment.Scores::auuc));
        }
        double ate = mean(results.get(UpliftExperiment.RANDOM), UpliftExperiment.Scores::ate);
        out.printf(Locale.ROOT, "(held-out treated − control rate: %.4f, what a random ranking's uplift@k is on average;"
                + " its Qini coefficient is 0 and its AUUC half the rate)%n", ate);
        whomToMail(out, rows);
        if (reportDir != null) {
            ReportOption.write(page(treatment, target, rows, splits, results), reportDir, "uplift", out);
        }
        return 0;
    }

    /** The report: the first split's Qini curves and each model's mean Qini coefficient and uplift@30 %. */
    private static HtmlReport page(String treatment, String target, UpliftData rows, int splits,
            Map<String, List<UpliftExperiment.Scores>> results) {
        HtmlReport page = new HtmlReport("Uplift: " + treatment + " e-mail vs no e-mail, target " + target);
        page.meta(String.format(Locale.ROOT, "Hillstrom's experiment, %,d customers; %d seeded 50/50 splits, scored on"
                + " the held-out half", rows.size(), splits));
        Map<String, double[][]> curves = new java.util.LinkedHashMap<>();
        results.forEach((name, s) -> curves.put(name, s.get(0).qiniCurve()));
        page.figure(UpliftFigures.qini(curves, target), "The held-out half of split 1.");
        List<String> models = List.copyOf(results.keySet());
        page.figure(BarChart.titled("Qini coefficient by model", models).categories("model")
                .value(Axis.of("Qini coefficient", "mean over " + splits + " splits"))
                .add("Qini coefficient", models.stream().mapToDouble(m -> mean(results.get(m),
                        UpliftExperiment.Scores::qini)).toArray()).svg(), "Area between the Qini curve and the line.");
        page.figure(BarChart.titled("Uplift in the top 30 %", models).categories("model")
                .value(Axis.of("treated − control " + target + " rate", "mean over " + splits + " splits"))
                .add("uplift@30 %", models.stream().mapToDouble(m -> mean(results.get(m),
                        UpliftExperiment.Scores::upliftAt30)).toArray()).svg(),
                "Among the 30 % each model ranks highest.");
        return page;
    }

    /** The T-learner fitted on every customer: the top 30 % it would mail, against mailing everyone. */
    private static void whomToMail(PrintStream out, UpliftData rows) {
        UpliftModel model = UpliftLearners.tLearner(rows);
        UpliftMetrics m = new UpliftMetrics(rows, model.score(rows.features()));
        out.printf(Locale.ROOT, "%nwhom to mail (T-learner on all customers, in-sample): the 30 %% with the highest predicted"
                + " uplift respond %+.2f pp more when mailed (%+.2f pp over everyone)%n", 100 * m.upliftAt(0.3),
                100 * m.averageTreatmentEffect());
    }

    private static String cell(List<UpliftExperiment.Scores> s, ToDoubleFunction<UpliftExperiment.Scores> f) {
        return cell(s, f, 4);
    }

    /** mean ± sd over the splits; the Qini coefficients of close models differ in the fifth decimal. */
    private static String cell(List<UpliftExperiment.Scores> s, ToDoubleFunction<UpliftExperiment.Scores> f, int digits) {
        double mean = mean(s, f);
        double ss = s.stream().mapToDouble(x -> (f.applyAsDouble(x) - mean) * (f.applyAsDouble(x) - mean)).sum();
        double sd = s.size() < 2 ? 0 : Math.sqrt(ss / (s.size() - 1));
        return String.format(Locale.ROOT, "%." + digits + "f ± %." + digits + "f", mean, sd);
    }

    private static double mean(List<UpliftExperiment.Scores> s, ToDoubleFunction<UpliftExperiment.Scores> f) {
        return s.stream().mapToDouble(f).average().orElseThrow();
    }
}
