package jgrad.examples;

import java.io.PrintStream;
import java.util.Locale;

import jgrad.abtest.TwoProportionTest;
import jgrad.campaign.CampaignPipeline;
import jgrad.campaign.CrossValidation;
import jgrad.campaign.SimulatedAbTest;
import jgrad.metrics.ClassificationMetrics;
import jgrad.segment.SegmentProfile;

/** Prints what {@code ./jgrad campaign} found, step by step. */
final class CampaignSummary {

    private final PrintStream out;

    CampaignSummary(PrintStream out) {
        this.out = out;
    }

    void header(String data, int clients, CampaignPipeline.Settings s) {
        out.println("jgrad campaign: whom to call about a term deposit, from raw data to a simulated A/B test");
        out.printf(Locale.ROOT, "data      %s: %,d clients (%s)%n", data, clients, BankClients.CITATION);
        out.printf(Locale.ROOT, "settings  seed %d; %.0f %% held out; budget: call %.0f %% of the clients; %d segments;"
                + " %d-fold cross-validation; network %s%n%n", s.seed(), 100 * s.testFraction(), 100 * s.budget(),
                s.segments(), s.folds(), describe(s));
    }

    private static String describe(CampaignPipeline.Settings s) {
        var n = s.network();
        return String.format(Locale.ROOT, "x (one-hot + standardized) → Dense(%d, relu) → Dropout(%.1f) → h;"
                + " Dense(1) of %s → σ; AdamW lr %.0e, weight decay %.0e, %d epochs, batch %d", n.hidden(), n.dropout(),
                n.wide() ? "[x; h] (wide & deep)" : "h", n.learningRate(), n.weightDecay(), n.epochs(), n.batch());
    }

    void result(CampaignPipeline.Result r, CampaignPipeline.Settings s) {
        segments(r);
        models(r, s);
        policy(r);
        abTest(r.abTest());
    }

    private void segments(CampaignPipeline.Result r) {
        out.printf(Locale.ROOT, "%nsegments of the %,d training clients (k-means on the standardized features;"
                + " silhouette %.3f):%n", r.trainingClients(), r.segments().chosen().silhouette());
        for (SegmentProfile p : r.segments().profiles()) {
            out.printf(Locale.ROOT, "  segment %d  %,5d clients (%4.1f %%)  subscribed %5.1f %%  %s%n", p.segment() + 1,
                    p.size(), 100 * p.share(), 100 * p.outcomeRate(), p.traits());
        }
    }

    private void models(CampaignPipeline.Result r, CampaignPipeline.Settings s) {
        out.printf(Locale.ROOT, "%nresponse model: %d-fold cross-validated ROC AUC on the training clients (same folds,"
                + " same features)%n", s.folds());
        for (CrossValidation.Result cv : r.crossValidation()) {
            out.printf(Locale.ROOT, "  %-22s %.4f ± %.4f (sd over folds)%n", cv.learner(), cv.mean(), cv.sd());
        }
        out.printf(Locale.ROOT, "held out (%,d clients), fitted on all training clients:%n", r.heldOutClients());
        r.heldOutScores().forEach((name, p) -> out.printf(Locale.ROOT, "  %-22s ROC AUC %.4f%n", name,
                ClassificationMetrics.rocAuc(p, r.heldOutOutcomes())));
    }

    private void policy(CampaignPipeline.Result r) {
        var c = r.campaign();
        out.printf(Locale.ROOT, "%npolicy: call the %d held-out clients the network ranks highest: %d subscribe"
                + " (precision %.3f, recall %.3f, lift %.2f× over calling at random: %.1f expected)%n", c.budget(),
                c.atBudget().truePositives(), c.precision(), c.recall(), c.lift(), c.randomHits());
    }

    private void abTest(SimulatedAbTest.Result ab) {
        out.println("\nsimulated A/B test: the held-out clients assigned at random to three arms; a called client"
                + " subscribes as the data says, an uncalled one does not");
        out.printf(Locale.ROOT, "  %-16s %8s %6s %11s %11s %9s%n", "arm", "clients", "calls", "subscribed",
                "per client", "per call");
        for (SimulatedAbTest.Arm a : ab.arms()) {
            out.printf(Locale.ROOT, "  %-16s %8d %6d %11d %10.1f%% %8.1f%%%n", a.name(), a.clients(), a.calls(),
                    a.subscriptions(), 100 * a.perClient(), 100 * a.perCall());
        }
        test("policy vs random calls", ab.versusRandom());
        test("policy vs calling everyone", ab.versusEveryone());
    }

    private void test(String what, TwoProportionTest t) {
        out.printf(Locale.ROOT, "  %-27s subscriptions per client %+.1f pp (95 %% CI [%+.1f, %+.1f]), z = %.2f,"
                + " p = %.2g%n", what, 100 * t.observedDifference(), 100 * t.difference().lower(),
                100 * t.difference().upper(), t.z(), t.pValue());
    }
}
