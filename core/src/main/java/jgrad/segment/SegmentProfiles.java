package jgrad.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.data.csv.Table;

/**
 * The profiles of a partition's segments ({@link SegmentProfile}) from the table's raw columns, so that they
 * read in the data's own units. Missing numeric values are left out of that column's means; a missing
 * category counts as the category {@code <missing>}. A constant column distinguishes no segment and is
 * not listed (its standard deviation is 0).
 */
public final class SegmentProfiles {

    private SegmentProfiles() {
    }

    /**
     * @param outcome a boolean (or 0/1) column whose rate each segment reports, or null
     * @param silhouette the sampled silhouette of the same labels, or null
     * @param top how many distinguishing features to keep per segment
     */
    public static List<SegmentProfile> describe(Table table, List<String> numeric, List<String> categorical,
                                                String outcome, int[] labels, Silhouette.Sample silhouette, int top) {
        if (labels.length != table.rowCount() || labels.length == 0) {
            throw new IllegalArgumentException(labels.length + " segment labels for a table of " + table.rowCount() + " rows");
        }
        int k = 0;
        for (int label : labels) {
            k = Math.max(k, label + 1);
        }
        List<Indicator> features = new ArrayList<>();
        for (String column : numeric) {
            features.add(new Indicator(column, false, table.asDoubles(column)));
        }
        for (String column : categorical) {
            features.addAll(categories(table, column));
        }
        double[] outcomes = outcome == null ? null : table.asDoubles(outcome);
        int[] sizes = Points.counts(labels, k);
        List<SegmentProfile> profiles = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            List<SegmentProfile.Distinction> d = new ArrayList<>();
            for (Indicator f : features) {
                SegmentProfile.Distinction one = f.distinction(labels, s);
                if (one != null) {
                    d.add(one);
                }
            }
            d.sort(Comparator.comparingDouble((SegmentProfile.Distinction x) -> -Math.abs(x.standardizedDifference()))
                    .thenComparing(SegmentProfile.Distinction::feature));
            profiles.add(new SegmentProfile(s, sizes[s], (double) sizes[s] / labels.length,
                    outcomes == null ? Double.NaN : meanWhere(outcomes, labels, s), silhouetteOf(silhouette, labels, s),
                    d.subList(0, Math.min(top, d.size()))));
        }
        return profiles;
    }

    private static List<Indicator> categories(Table table, String column) {
        Map<String, double[]> indicators = new LinkedHashMap<>();
        int n = table.rowCount();
        for (int r = 0; r < n; r++) {
            String value = table.text(column, r);
            indicators.computeIfAbsent(value == null ? "<missing>" : value, v -> new double[n])[r] = 1;
        }
        List<Indicator> out = new ArrayList<>();
        indicators.forEach((value, x) -> out.add(new Indicator(column + "=" + value, true, x)));
        return out;
    }

    /** The mean of {@code values} over the rows of segment s, leaving out NaN. */
    private static double meanWhere(double[] values, int[] labels, int s) {
        double sum = 0;
        int count = 0;
        for (int r = 0; r < values.length; r++) {
            if (labels[r] == s && !Double.isNaN(values[r])) {
                sum += values[r];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static double silhouetteOf(Silhouette.Sample sample, int[] labels, int s) {
        if (sample == null) {
            return Double.NaN;
        }
        double sum = 0;
        int count = 0;
        for (int i = 0; i < sample.rows().length; i++) {
            if (labels[sample.rows()[i]] == s) {
                sum += sample.values()[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** A numeric column, or the 0/1 indicator of one category, with its overall mean and standard deviation. */
    private record Indicator(String name, boolean categorical, double[] values, double mean, double sd) {

        Indicator(String name, boolean categorical, double[] values) {
            this(name, categorical, values, meanWhere(values, new int[values.length], 0), 0);
        }

        Indicator {
            if (sd == 0) {
                double ss = 0;
                int count = 0;
                for (double v : values) {
                    if (!Double.isNaN(v)) {
                        ss += (v - mean) * (v - mean);
                        count++;
                    }
                }
                sd = count == 0 ? 0 : Math.sqrt(ss / count);
            }
        }

        SegmentProfile.Distinction distinction(int[] labels, int s) {
            double inSegment = meanWhere(values, labels, s);
            if (!(sd > 0) || Double.isNaN(inSegment)) {
                return null;
            }
            return new SegmentProfile.Distinction(name, categorical, inSegment, mean, (inSegment - mean) / sd);
        }
    }
}
