package jgrad.examples;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import jgrad.bandit.HillstromCustomers;
import jgrad.campaign.OfferCampaign;
import jgrad.campaign.RandomizedPolicyValue;
import jgrad.segment.SegmentProfile;
import jgrad.uplift.UpliftExperiment;

/** Prints what {@code ./jgrad campaign} found on Hillstrom's e-mail experiment, step by step. */
final class OfferCampaignSummary {

    static final String CITATION = "Kevin Hillstrom, MineThatData E-Mail Analytics Challenge 2008";

    private final PrintStream out;

    OfferCampaignSummary(PrintStream out) {
        this.out = out;
    }

    void header(String data, int customers, OfferCampaign.Settings s) {
        out.println("jgrad campaign: whom to e-mail, and which e-mail, from a randomized experiment to a simulated"
                + " A/B test");
        out.printf(Locale.ROOT, "data      %s: %,d customers (%s)%n", data, customers, CITATION);
        out.printf(Locale.ROOT, "settings  seed %d; %.0f %% held out; budget: e-mail %.0f %% of the customers; %d"
                + " segments; outcome %s; policy: per e-mail a T-learner, each customer's larger uplift%n%n", s.seed(),
                100 * s.testFraction(), 100 * s.budget(), s.segments(), s.target());
    }

    void result(OfferCampaign.Result r, OfferCampaign.Settings s) {
        segments(r, s);
        uplift(r);
        policies(r, s);
    }

    private void segments(OfferCampaign.Result r, OfferCampaign.Settings s) {
        out.printf(Locale.ROOT, "%nsegments of the %,d training customers (k-means on the standardized features;"
                + " silhouette %.3f):%n", r.trainingCustomers(), r.segments().chosen().silhouette());
        for (SegmentProfile p : r.segments().profiles()) {
            out.printf(Locale.ROOT, "  segment %d  %,6d customers (%4.1f %%)  %s %5.1f %%  %s%n", p.segment() + 1,
                    p.size(), 100 * p.share(), s.target(), 100 * p.outcomeRate(), p.traits());
        }
    }

    private void uplift(OfferCampaign.Result r) {
        out.printf(Locale.ROOT, "%nuplift of each e-mail on the held-out customers of its arm and the control arm"
                + " (fitted on the training customers)%n");
        out.printf(Locale.ROOT, "  %-15s %-22s %17s %12s %15s%n", "e-mail", "model", "Qini coefficient", "uplift@30%",
                "uplift@100%");
        for (Map.Entry<String, Map<String, UpliftExperiment.Scores>> offer : r.qini().entrySet()) {
            offer.getValue().forEach((learner, sc) -> out.printf(Locale.ROOT, "  %-15s %-22s %17.5f %12.4f %15.4f%n",
                    offer.getKey(), learner, sc.qini(), sc.upliftAt30(), sc.ate()));
        }
    }

    private void policies(OfferCampaign.Result r, OfferCampaign.Settings s) {
        int[] m = r.mailed();
        out.printf(Locale.ROOT, "%npolicy: e-mail %,d of the %,d held-out customers (budget %.0f %%): %,d the %s, %,d the"
                + " %s%n", m[1] + m[2], r.heldOutCustomers(), 100 * s.budget(), m[1], HillstromCustomers.ARMS.get(1),
                m[2], HillstromCustomers.ARMS.get(2));
        out.printf(Locale.ROOT, "%nsimulated A/B test on the %,d held-out customers: each policy's %s rate by inverse"
                + " propensity weighting%n(a customer counts when the policy's choice is the arm the experiment gave"
                + " them, weight 3; 95 %% normal intervals, differences paired on the same customers)%n",
                r.heldOutCustomers(), s.target());
        out.printf(Locale.ROOT, "  %-40s %9s %9s %20s %30s%n", "policy", "e-mailed", "matched", s.target() + " rate",
                "uplift policy's gain");
        for (OfferCampaign.PolicyValue p : r.policies()) {
            RandomizedPolicyValue.Estimate v = p.value();
            RandomizedPolicyValue.Estimate g = p.upliftPolicyGain();
            out.printf(Locale.ROOT, "  %-40s %8.1f%% %9d %7.2f%% [%5.2f, %5.2f] %30s%n", p.policy(),
                    100 * p.contactShare(), v.matched(), 100 * v.value(), 100 * v.interval().lower(),
                    100 * v.interval().upper(), g == null ? "" : String.format(Locale.ROOT,
                    "%+.2f pp [%+.2f, %+.2f]", 100 * g.value(), 100 * g.interval().lower(), 100 * g.interval().upper()));
        }
    }
}
