package jgrad.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.bandit.HillstromCustomers;
import jgrad.report.Axis;
import jgrad.report.BarChart;
import jgrad.report.HtmlReport;
import jgrad.report.figures.UpliftFigures;
import jgrad.uplift.UpliftExperiment;

/** The HTML report of an {@link OfferCampaign} run: segments, the Qini curves per e-mail, the policies compared. */
public final class OfferCampaignPage {

    private OfferCampaignPage() {
    }

    public static HtmlReport of(OfferCampaign.Result r, OfferCampaign.Settings s, String data) {
        HtmlReport page = new HtmlReport("Campaign: whom to e-mail, and which e-mail");
        page.meta(String.format(Locale.ROOT, "data %s; %,d training and %,d held-out customers; seed %d; budget %.0f %%"
                + " of the customers; outcome %s", data, r.trainingCustomers(), r.heldOutCustomers(), s.seed(),
                100 * s.budget(), s.target()));
        CampaignPage.segments(page, r.segments(), "customers", s.target(), "Share who "
                + (s.target().equals("visit") ? "visited" : "bought") + " within two weeks (mailed or not)");
        qini(page, r, s);
        policies(page, r, s);
        return page;
    }

    private static void qini(HtmlReport page, OfferCampaign.Result r, OfferCampaign.Settings s) {
        page.heading("2. Uplift of each e-mail");
        int section = 0;
        for (var offer : r.qini().entrySet()) {
            Map<String, double[][]> curves = new LinkedHashMap<>();
            offer.getValue().forEach((learner, scores) -> curves.put(learner, scores.qiniCurve()));
            page.figure(UpliftFigures.qini(curves, s.target()), String.format(Locale.ROOT, "%c. %s vs no e-mail, on the"
                    + " held-out customers of those two arms.", 'a' + section++, offer.getKey()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (var offer : r.qini().entrySet()) {
            offer.getValue().forEach((learner, sc) -> rows.add(List.of(offer.getKey(), learner, f5(sc.qini()),
                    f4(sc.upliftAt30()), f4(sc.ate()))));
        }
        page.table(List.of("e-mail", "model", "Qini coefficient", "uplift@30 %", "held-out treated − control"), rows);
    }

    private static void policies(HtmlReport page, OfferCampaign.Result r, OfferCampaign.Settings s) {
        page.heading("3. The policy, and a simulated A/B test");
        int[] m = r.mailed();
        page.paragraph(String.format(Locale.ROOT, "The policy e-mails %,d of the %,d held-out customers: %,d the %s,"
                + " %,d the %s. Each policy is valued on all held-out customers by inverse propensity weighting: a"
                + " customer counts when the e-mail the policy picks is the one the experiment gave them (probability"
                + " 1/3 each).", m[1] + m[2], r.heldOutCustomers(), m[1], HillstromCustomers.ARMS.get(1), m[2],
                HillstromCustomers.ARMS.get(2)));
        List<String> names = r.policies().stream().map(OfferCampaign.PolicyValue::policy).toList();
        page.figure(BarChart.titled("Policies: " + s.target() + " rate per customer", names).categories("policy")
                .value(Axis.of(s.target() + " rate", "% of held-out customers, inverse propensity estimate"))
                .add(s.target() + " rate", r.policies().stream().mapToDouble(p -> 100 * p.value().value()).toArray())
                .svg(), "The same held-out customers valued under each policy.");
        List<List<String>> rows = new ArrayList<>();
        for (OfferCampaign.PolicyValue p : r.policies()) {
            var v = p.value();
            var g = p.upliftPolicyGain();
            rows.add(List.of(p.policy(), pct(p.contactShare()), pct(v.value()) + " [" + pct(v.interval().lower()) + ", "
                    + pct(v.interval().upper()) + "]", g == null ? "—" : String.format(Locale.ROOT,
                    "%+.2f pp [%+.2f, %+.2f]", 100 * g.value(), 100 * g.interval().lower(), 100 * g.interval().upper())));
        }
        page.table(List.of("policy", "e-mailed", s.target() + " rate (95 % CI)", "uplift policy's gain (95 % CI)"),
                rows);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String f5(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }
}
