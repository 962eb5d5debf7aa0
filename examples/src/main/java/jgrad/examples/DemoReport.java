package jgrad.examples;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.campaign.bank.BankModel;
import jgrad.metrics.CampaignAtBudget;
import jgrad.metrics.ClassificationMetrics;
import jgrad.metrics.ScoreCurves;
import jgrad.report.HtmlReport;
import jgrad.report.figures.ScoreFigures;
import jgrad.report.figures.TrainingFigures;

/** The demo's HTML report: what was run, the model's quality on held-out clients, and its figures. */
final class DemoReport {

    static final String MODEL = "feed-forward network";

    private DemoReport() {
    }

    static HtmlReport of(DemoCommand.Outcome o, ExampleOptions options) {
        CampaignAtBudget c = o.campaign();
        HtmlReport r = new HtmlReport("jgrad demo: which bank clients subscribe to a term deposit?");
        r.meta(String.format(Locale.ROOT, "data %s; seed %d; up to %d epochs; %d held-out clients; model %s",
                BankClients.describe(options.data()), options.seed(), options.epochs(), o.labels().length,
                BankModel.describe(o.features())));
        r.heading("Quality on held-out clients");
        r.table(List.of("measure", "value"), List.of(
                List.of("ROC AUC", f4(ClassificationMetrics.rocAuc(o.probabilities(), o.labels()))),
                List.of("log loss", f4(ClassificationMetrics.logLoss(o.probabilities(), o.labels()))),
                List.of("clients called (top " + Math.round(100.0 * c.budget() / o.labels().length) + " %)",
                        Integer.toString(c.budget())),
                List.of("precision at that budget", f4(c.precision())),
                List.of("recall at that budget", f4(c.recall())),
                List.of("lift at that budget", String.format(Locale.ROOT, "%.2f", c.lift()))));
        r.heading("Training");
        for (String svg : TrainingFigures.curves(o.history(), "bank clients")) {
            r.figure(svg, "Per epoch, on the training rows and on the validation rows; the weights kept are those"
                    + " of the epoch with the lowest validation loss.");
        }
        Map<String, ScoreCurves> models = Map.of(MODEL, ScoreCurves.of(o.probabilities(), o.labels()));
        r.heading("Ranking the held-out clients");
        r.figure(ScoreFigures.roc(models, "subscribed"), "Above the diagonal, the model ranks subscribers first.");
        r.figure(ScoreFigures.precisionRecall(models, "subscribed", c.baseRate()),
                "How precise the calls are as the campaign reaches more of the subscribers.");
        r.figure(ScoreFigures.cumulativeGain(models, "subscribed"),
                "Share of all subscribers reached by calling the top fraction of clients by score.");
        r.figure(ScoreFigures.lift(models, "subscribed"), "How many times the base rate the calls convert.");
        r.figure(ScoreFigures.confusion(c.atBudget(), "Calls at the budget against the outcome", "did not subscribe",
                "subscribed", "called", "not called"), "The campaign that calls the top clients by score.");
        return r;
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
