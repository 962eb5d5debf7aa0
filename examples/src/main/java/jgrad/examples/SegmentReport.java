package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import jgrad.segment.ElbowCurve;
import jgrad.segment.SegmentProfile;
import jgrad.segment.Segmentation;

/** Prints a segmentation for a marketer: the curve over k, then one block per segment. */
final class SegmentReport {

    private final PrintStream out;
    private final SegmentSchema schema;

    SegmentReport(PrintStream out, SegmentSchema schema) {
        this.out = out;
        this.schema = schema;
    }

    void header(Path data, int rows, Segmentation.Features features, String embed, long seed) {
        out.printf(Locale.ROOT, "%,d %s of %s (schema %s, outcome '%s'): %d numeric and %d categorical columns"
                        + " -> %d features (standardized, one-hot), embedding %s, seed %d%n%n", rows, schema.rows, data,
                schema.optionName(), schema.outcome, schema.numeric.size(), schema.categorical.size(),
                features.names().size(), embed, seed);
    }

    void curve(Segmentation.Result result, int sampled, double seconds) {
        out.printf("%4s  %14s  %10s  %14s%n", "k", "inertia", "silhouette", "Davies-Bouldin");
        for (ElbowCurve.Point p : result.curve()) {
            out.printf(Locale.ROOT, "%4d  %,14.1f  %10.4f  %14.4f%s%n", p.k(), p.clustering().inertia(), p.silhouette(),
                    p.daviesBouldin(), p == result.chosen() ? "   <- chosen" : "");
        }
        out.printf(Locale.ROOT, "(silhouette on %,d sampled rows; the highest picks k; %.1f s)%n%n", sampled, seconds);
    }

    void segments(Segmentation.Result result) {
        double overall = 0;
        int rows = 0;
        for (SegmentProfile p : result.profiles()) {
            overall += p.outcomeRate() * p.size();
            rows += p.size();
        }
        overall /= rows;
        for (SegmentProfile p : result.profiles()) {
            out.printf(Locale.ROOT, "segment %d: %,d %s (%.1f %%), %s %.1f %% (all: %.1f %%), silhouette %.3f%n",
                    p.segment() + 1, p.size(), schema.rows, 100 * p.share(), schema.outcomeVerb, 100 * p.outcomeRate(),
                    100 * overall, p.silhouette());
            for (SegmentProfile.Distinction d : p.distinctions()) {
                if (d.categorical()) {
                    out.printf(Locale.ROOT, "    %-32s %6.1f %% vs %6.1f %% of all  (%+.2f sd)%n", d.feature(),
                            100 * d.inSegment(), 100 * d.overall(), d.standardizedDifference());
                } else {
                    out.printf(Locale.ROOT, "    %-32s mean %9.3f vs %9.3f   (%+.2f sd)%n", d.feature(), d.inSegment(),
                            d.overall(), d.standardizedDifference());
                }
            }
        }
        double[] ratio = result.mapVarianceRatio();
        out.printf(Locale.ROOT, "%n2-D map: PCA of the embedding, its axes hold %.1f %% and %.1f %% of the variance%n",
                100 * ratio[0], ratio.length > 1 ? 100 * ratio[1] : 0.0);
    }
}
