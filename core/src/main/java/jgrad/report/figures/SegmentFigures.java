package jgrad.report.figures;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jgrad.report.Axis;
import jgrad.report.BarChart;
import jgrad.report.LinePlot;
import jgrad.report.Series;
import jgrad.segment.ElbowCurve;
import jgrad.segment.SegmentProfile;

/** The figures of customer segments ({@link SegmentProfile}): their sizes, outcome rates and what sets them apart. */
public final class SegmentFigures {

    private SegmentFigures() {
    }

    /** Clients per segment. */
    public static String sizes(List<SegmentProfile> profiles, String rows) {
        double[] sizes = profiles.stream().mapToDouble(SegmentProfile::size).toArray();
        return BarChart.titled("Segment sizes", names(profiles)).categories("segment")
                .value(Axis.of(rows, "count")).add(rows, sizes).svg();
    }

    /** The outcome rate in each segment, beside the rate over all rows. */
    public static String outcomeRates(List<SegmentProfile> profiles, String outcome) {
        double[] rates = profiles.stream().mapToDouble(p -> 100 * p.outcomeRate()).toArray();
        double overall = 0;
        for (SegmentProfile p : profiles) {
            overall += p.share() * p.outcomeRate();
        }
        double[] all = new double[rates.length];
        java.util.Arrays.fill(all, 100 * overall);
        return BarChart.titled(outcome + " rate by segment", names(profiles)).categories("segment")
                .value(Axis.of(outcome + " rate", "%")).add("in the segment", rates).add("all rows", all).svg();
    }

    /**
     * The profile: for the features that set any segment apart most, each segment's standardized difference
     * from all rows ((mean_s − mean)/sd for a number, (p_s − p)/√(p(1 − p)) for a category's share).
     */
    public static String profiles(List<SegmentProfile> profiles) {
        Set<String> features = new LinkedHashSet<>();
        for (SegmentProfile p : profiles) {
            p.distinctions().forEach(d -> features.add(d.feature()));
        }
        List<String> rows = new ArrayList<>(features);
        BarChart chart = BarChart.titled("What sets each segment apart", rows).categories("feature")
                .value(Axis.of("difference from all rows", "standard deviations"));
        for (SegmentProfile p : profiles) {
            double[] v = new double[rows.size()];
            for (SegmentProfile.Distinction d : p.distinctions()) {
                v[rows.indexOf(d.feature())] = d.standardizedDifference();
            }
            chart.add("segment " + (p.segment() + 1), v);
        }
        return chart.svg();
    }

    /** The silhouette and the inertia of each k tried: where the silhouette peaks, or the inertia stops falling fast. */
    public static List<String> elbow(List<ElbowCurve.Point> curve) {
        double[] k = curve.stream().mapToDouble(ElbowCurve.Point::k).toArray();
        double[] silhouette = curve.stream().mapToDouble(ElbowCurve.Point::silhouette).toArray();
        double[] inertia = curve.stream().mapToDouble(p -> p.clustering().inertia()).toArray();
        Axis segments = Axis.of("k", "segments").counting();
        return List.of(
                LinePlot.titled("Silhouette by number of segments").x(segments)
                        .y(Axis.of("mean silhouette", "−1 … 1, higher is better")).markers(true)
                        .add(Series.of("silhouette", k, silhouette)).svg(),
                LinePlot.titled("Inertia by number of segments").x(segments)
                        .y(Axis.of("inertia", "sum of squared distances to the centers")).markers(true)
                        .add(Series.of("inertia", k, inertia)).svg());
    }

    private static List<String> names(List<SegmentProfile> profiles) {
        return profiles.stream().map(p -> "segment " + (p.segment() + 1)).toList();
    }
}
