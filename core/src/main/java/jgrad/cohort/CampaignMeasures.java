package jgrad.cohort;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jgrad.abtest.Interval;
import jgrad.abtest.Proportion;
import jgrad.metrics.EventFunnel;

/**
 * A campaign's measures by group (article 000 §9.1) over a contact log: one row per contact (an e-mail sent, an
 * ad shown) with its group (campaign, arm), whether it was clicked (a visit), whether it converted, what it cost
 * and the revenue it brought. Per group:
 * <pre>
 *   CTR                     = clicks / contacts                      (with Wilson's interval)
 *   CVR                     = conversions / clicks                   (post-click, with Wilson's interval)
 *   CPA                     = cost / conversions                     (cost per acquisition)
 *   ROAS                    = revenue / cost                         (return on ad spend)
 * </pre>
 * and against a holdout group that was not contacted, whose conversion rate r₀ is what the group would have
 * converted anyway:
 * <pre>
 *   incremental conversions = conversions − contacts · r₀
 *   incremental CPA         = cost / incremental conversions        (what one conversion caused by the campaign cost)
 * </pre>
 * A measure whose denominator is zero or negative (CPA of a group with no conversions, ROAS without cost, an
 * incremental CPA when the campaign converted no more than its holdout) is NaN: undefined, never a made-up number.
 */
public final class CampaignMeasures {

    /** One group's counts and sums. */
    public record Group(String name, EventFunnel funnel, double cost, double revenue) {

        public double ctr() {
            return funnel.ctr();
        }

        public double cvr() {
            return funnel.cvr();
        }

        /** Wilson's interval of the CTR. */
        public Interval ctrInterval(double confidence) {
            return new Proportion(funnel.clicks(), funnel.impressions()).wilson(confidence);
        }

        /** Wilson's interval of the CVR; null without clicks. */
        public Interval cvrInterval(double confidence) {
            return funnel.clicks() == 0 ? null
                    : new Proportion(Math.min(funnel.conversions(), funnel.clicks()), funnel.clicks()).wilson(confidence);
        }

        public double costPerAcquisition() {
            return positiveRatio(cost, funnel.conversions());
        }

        public double returnOnSpend() {
            return positiveRatio(revenue, cost);
        }

        /** The share of contacts that converted. */
        public double conversionRate() {
            return funnel.conversionsPerImpression();
        }
    }

    private final Map<String, Group> groups;

    private CampaignMeasures(Map<String, Group> groups) {
        this.groups = Collections.unmodifiableMap(groups);
    }

    /**
     * Sums the log; row r (numbered from 1 in messages) is {@code groups[r]}, {@code clicked[r]}, … Costs and
     * revenues must be finite and non-negative; a conversion without a click is refused, because the CVR counts
     * post-click conversions.
     */
    public static CampaignMeasures of(String[] groups, boolean[] clicked, boolean[] converted, double[] cost,
                                      double[] revenue) {
        int n = groups.length;
        if (n == 0 || clicked.length != n || converted.length != n || cost.length != n || revenue.length != n) {
            throw new IllegalArgumentException("campaign measures need rows with a group, click, conversion, cost and"
                    + " revenue each, got " + n + " groups, " + clicked.length + " clicks, " + converted.length
                    + " conversions, " + cost.length + " costs, " + revenue.length + " revenues");
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (int r = 0; r < n; r++) {
            if (groups[r] == null) {
                throw new IllegalArgumentException("row " + (r + 1) + ": the group is missing");
            }
            if (converted[r] && !clicked[r]) {
                throw new IllegalArgumentException("row " + (r + 1) + ": a conversion without a click; the CVR counts"
                        + " conversions after a click");
            }
            requireAmount(r, "cost", cost[r]);
            requireAmount(r, "revenue", revenue[r]);
            long[] c = counts.computeIfAbsent(groups[r], g -> new long[3]);
            c[0]++;
            c[1] += clicked[r] ? 1 : 0;
            c[2] += converted[r] ? 1 : 0;
            double[] s = sums.computeIfAbsent(groups[r], g -> new double[2]);
            s[0] += cost[r];
            s[1] += revenue[r];
        }
        Map<String, Group> out = new LinkedHashMap<>();
        counts.forEach((g, c) -> out.put(g, new Group(g, new EventFunnel(c[0], c[1], c[2]), sums.get(g)[0],
                sums.get(g)[1])));
        return new CampaignMeasures(out);
    }

    /** The cost of each row when every contact costs {@code perContact}, except the holdout's (not contacted). */
    public static double[] contactCosts(String[] groups, double perContact, String holdout) {
        if (!(perContact >= 0) || !Double.isFinite(perContact)) {
            throw new IllegalArgumentException("a contact's cost must be finite and non-negative, got " + perContact);
        }
        double[] cost = new double[groups.length];
        for (int r = 0; r < cost.length; r++) {
            cost[r] = groups[r] != null && groups[r].equals(holdout) ? 0 : perContact;
        }
        return cost;
    }

    /** The groups in the order they first appear. */
    public Map<String, Group> groups() {
        return groups;
    }

    /** One group, or an error listing the groups there are. */
    public Group group(String name) {
        Group g = groups.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no group '" + name + "'; the groups are " + groups.keySet());
        }
        return g;
    }

    /** conversions − contacts · r₀, with r₀ the holdout's conversion rate. */
    public double incrementalConversions(String name, String holdout) {
        Group g = group(name);
        return g.funnel().conversions() - g.funnel().impressions() * group(holdout).conversionRate();
    }

    /** cost / incremental conversions; NaN when the group converted no more than its holdout would have. */
    public double incrementalCostPerAcquisition(String name, String holdout) {
        return positiveRatio(group(name).cost(), incrementalConversions(name, holdout));
    }

    private static double positiveRatio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }

    private static void requireAmount(int row, String what, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("row " + (row + 1) + ": the " + what + " must be a finite non-negative"
                    + " amount, got " + value);
        }
    }
}
