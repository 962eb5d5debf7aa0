package jgrad.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.metrics.ClassificationMetrics;
import jgrad.metrics.ScoreCurves;
import jgrad.report.Axis;
import jgrad.report.BarChart;
import jgrad.report.HtmlReport;
import jgrad.report.figures.ScoreFigures;
import jgrad.report.figures.SegmentFigures;
import jgrad.report.figures.TrainingFigures;
import jgrad.segment.Segmentation;

/** The HTML report of a {@link CampaignPipeline} run: every step's result with its figures. */
public final class CampaignPage {

    private CampaignPage() {
    }

    public static HtmlReport of(CampaignPipeline.Result r, CampaignPipeline.Settings s, String data) {
        HtmlReport page = new HtmlReport("Campaign: whom to call about a term deposit");
        page.meta(String.format(Locale.ROOT, "data %s; %,d training and %,d held-out clients; seed %d; budget %.0f %%"
                + " of the clients", data, r.trainingClients(), r.heldOutClients(), s.seed(), 100 * s.budget()));
        segments(page, r.segments(), "clients", "subscription", "Who subscribed when called");
        models(page, r, s);
        abTest(page, r);
        return page;
    }

    /** Section 1 of both pages: segment sizes, outcome rates and profiles. */
    static void segments(HtmlReport page, Segmentation.Result segments, String rows, String outcome, String rate) {
        page.heading("1. Segments of the training " + rows);
        page.paragraph(String.format(Locale.ROOT, "k-means with k = %d on the standardized, one-hot %s"
                + " features (silhouette %.3f).", segments.chosen().k(), rows.replaceAll("s$", ""),
                segments.chosen().silhouette()));
        page.figure(SegmentFigures.sizes(segments.profiles(), rows), "How many training " + rows
                + " each segment holds.");
        page.figure(SegmentFigures.outcomeRates(segments.profiles(), outcome), rate + ", by segment.");
        page.figure(SegmentFigures.profiles(segments.profiles()),
                "Each segment's most distinctive features, in standard deviations from all training " + rows + ".");
    }

    private static void models(HtmlReport page, CampaignPipeline.Result r, CampaignPipeline.Settings s) {
        page.heading("2. Response model against logistic regression");
        List<List<String>> rows = new ArrayList<>();
        for (CrossValidation.Result cv : r.crossValidation()) {
            double[] p = r.heldOutScores().get(cv.learner());
            rows.add(List.of(cv.learner(), f4(cv.mean()), f4(cv.sd()),
                    f4(ClassificationMetrics.rocAuc(p, r.heldOutOutcomes()))));
        }
        page.table(List.of("model", s.folds() + "-fold CV ROC AUC", "sd over folds", "held-out ROC AUC"), rows);
        for (String svg : TrainingFigures.curves(r.networkHistory(), "response network")) {
            page.figure(svg, "The network's training loss per epoch (a fixed number of epochs, no early stopping).");
        }
        Map<String, ScoreCurves> curves = new LinkedHashMap<>();
        r.heldOutScores().forEach((name, p) -> curves.put(name, ScoreCurves.of(p, r.heldOutOutcomes())));
        page.figure(ScoreFigures.roc(curves, "subscribed (held-out clients)"), "Both models on the same held-out clients.");
        page.figure(ScoreFigures.precisionRecall(curves, "subscribed (held-out clients)", r.campaign().baseRate()),
                "Precision of the calls as more subscribers are reached.");
        page.figure(ScoreFigures.cumulativeGain(curves, "subscribed (held-out clients)"),
                "Share of all subscribers reached by calling the top fraction by score.");
    }

    private static void abTest(HtmlReport page, CampaignPipeline.Result r) {
        var c = r.campaign();
        page.heading("3. The policy, and a simulated A/B test");
        page.paragraph(String.format(Locale.ROOT, "Policy: call the %d held-out clients the network ranks highest;"
                + " %d subscribe (precision %.3f, lift %.2f× over random calls).", c.budget(),
                c.atBudget().truePositives(), c.precision(), c.lift()));
        page.figure(ScoreFigures.confusion(c.atBudget(), "The policy's calls against the outcome", "did not subscribe",
                "subscribed", "called", "not called"), "All held-out clients, called or not by the policy.");
        SimulatedAbTest.Result ab = r.abTest();
        List<String> arms = ab.arms().stream().map(SimulatedAbTest.Arm::name).toList();
        page.figure(BarChart.titled("Simulated A/B test: subscriptions per client", arms).categories("arm")
                .value(Axis.of("subscribed", "% of the arm's clients"))
                .add("subscriptions per client", ab.arms().stream().mapToDouble(a -> 100 * a.perClient()).toArray())
                .svg(), "Held-out clients assigned at random to the arms.");
        page.figure(BarChart.titled("Simulated A/B test: subscriptions per call", arms).categories("arm")
                .value(Axis.of("subscribed", "% of the arm's calls"))
                .add("subscriptions per call", ab.arms().stream().mapToDouble(a -> 100 * a.perCall()).toArray())
                .svg(), "The cost side: how many calls each subscription took.");
        List<List<String>> rows = new ArrayList<>();
        for (SimulatedAbTest.Arm a : ab.arms()) {
            rows.add(List.of(a.name(), Integer.toString(a.clients()), Integer.toString(a.calls()),
                    Integer.toString(a.subscriptions())));
        }
        page.table(List.of("arm", "clients", "calls", "subscribed"), rows);
        page.paragraph(String.format(Locale.ROOT, "Policy vs random calls: %+.1f pp per client, z = %.2f, p = %.2g."
                + " Policy vs calling everyone: %+.1f pp per client, z = %.2f, p = %.2g.",
                100 * ab.versusRandom().observedDifference(), ab.versusRandom().z(), ab.versusRandom().pValue(),
                100 * ab.versusEveryone().observedDifference(), ab.versusEveryone().z(), ab.versusEveryone().pValue()));
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
