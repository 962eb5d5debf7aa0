package jgrad.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The funnel of a campaign (article 000 §9.1): how many impressions were shown, how many were clicked,
 * how many clicks converted (a purchase, a sign-up).
 * <pre>
 *   CTR = clicks / impressions
 *   CVR = conversions / clicks          (post-click conversion rate)
 *   conversions per impression = conversions / impressions = CTR · CVR
 * </pre>
 * Each is NaN when its denominator is zero.
 */
public record EventFunnel(long impressions, long clicks, long conversions) {

    public EventFunnel {
        if (impressions < 0 || clicks < 0 || conversions < 0) {
            throw new IllegalArgumentException("negative count in " + impressions + "/" + clicks + "/" + conversions);
        }
    }

    public double ctr() {
        return Checks.ratio(clicks, impressions);
    }

    public double cvr() {
        return Checks.ratio(conversions, clicks);
    }

    public double conversionsPerImpression() {
        return Checks.ratio(conversions, impressions);
    }

    /**
     * Counts an event log's type column: each event named {@code impression}, {@code click} or {@code conversion}
     * adds to its count; other event types (e.g. page views) do not belong to this funnel and are not counted.
     */
    public static EventFunnel ofEvents(String[] eventTypes, String impression, String click, String conversion) {
        if (eventTypes.length == 0) {
            throw new IllegalArgumentException("empty event log");
        }
        long i = 0;
        long c = 0;
        long v = 0;
        for (String type : eventTypes) {
            if (Objects.equals(type, impression)) {
                i++;
            } else if (Objects.equals(type, click)) {
                c++;
            } else if (Objects.equals(type, conversion)) {
                v++;
            }
        }
        return new EventFunnel(i, c, v);
    }

    /** One row per impression, flagged when it was clicked and when it converted (e.g. e-mail → visit → purchase). */
    public static EventFunnel ofFlags(boolean[] clicked, boolean[] converted) {
        Checks.sameLengthNonEmpty(clicked.length, converted.length, "event funnel");
        long c = 0;
        long v = 0;
        for (int r = 0; r < clicked.length; r++) {
            c += clicked[r] ? 1 : 0;
            v += converted[r] ? 1 : 0;
        }
        return new EventFunnel(clicked.length, c, v);
    }

    /** {@link #ofFlags} per group (e.g. per campaign or treatment arm), groups in sorted order. */
    public static Map<String, EventFunnel> byGroup(String[] groups, boolean[] clicked, boolean[] converted) {
        Checks.sameLengthNonEmpty(groups.length, clicked.length, "event funnel");
        Checks.sameLengthNonEmpty(groups.length, converted.length, "event funnel");
        Map<String, EventFunnel> funnels = new TreeMap<>();
        for (int r = 0; r < groups.length; r++) {
            EventFunnel f = funnels.getOrDefault(Objects.requireNonNull(groups[r], "group of row " + r),
                    new EventFunnel(0, 0, 0));
            funnels.put(groups[r], new EventFunnel(f.impressions + 1, f.clicks + (clicked[r] ? 1 : 0),
                    f.conversions + (converted[r] ? 1 : 0)));
        }
        return funnels;
    }
}
