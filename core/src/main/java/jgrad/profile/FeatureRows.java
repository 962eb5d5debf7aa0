package jgrad.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.data.prep.TabularFeatures;

/**
 * Feature rows back in the data's own terms, through the statistics {@link TabularFeatures} was fitted with:
 * a numeric feature z becomes z σ + μ, a one-hot block its category. A row drawn from a generative model may
 * pick a block's first column, the out-of-vocabulary one that no training row used: it decodes as null (a
 * missing value), never as an invented category.
 */
public final class FeatureRows {

    private FeatureRows() {
    }

    /** The layout of a fitted feature set: its numeric columns must all come before its categorical ones. */
    public static TabularLayout layoutOf(TabularFeatures features) {
        int numeric = 0;
        List<Integer> widths = new ArrayList<>();
        for (Map<String, Object> f : features.describe()) {
            if (f.get("kind").equals("numeric")) {
                if (!widths.isEmpty()) {
                    throw new IllegalArgumentException("numeric column '" + f.get("column") + "' after a categorical one:"
                            + " declare the numeric columns first");
                }
                numeric++;
            } else {
                widths.add(((List<?>) f.get("categories")).size() + 1);
            }
        }
        return new TabularLayout(numeric, widths.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Column name to value (a Double, a String, or null) for one feature row. */
    public static Map<String, Object> decode(TabularFeatures features, double[] row) {
        return decode(features, row, null);
    }

    /**
     * {@link #decode}, with each number held to what its column held in the rows the ranges were taken from
     * ({@link NumericRanges#hold}); null ranges hold nothing.
     */
    public static Map<String, Object> decode(TabularFeatures features, double[] row, NumericRanges ranges) {
        if (row.length != features.width()) {
            throw new IllegalArgumentException("a row of " + row.length + " features for " + features.width());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        int at = 0;
        for (Map<String, Object> f : features.describe()) {
            String column = (String) f.get("column");
            if (f.get("kind").equals("numeric")) {
                double value = raw(f, row[at]);
                out.put(column, ranges == null ? value : ranges.hold(at, value));
                at++;
            } else {
                List<?> categories = (List<?>) f.get("categories");
                int hot = 0;
                for (int c = 1; c <= categories.size(); c++) {
                    hot = row[at + c] > row[at + hot] ? c : hot;
                }
                out.put(column, hot == 0 ? null : categories.get(hot - 1));
                at += categories.size() + 1;
            }
        }
        return out;
    }

    /**
     * Each numeric column's range and whole-numberness over the feature rows (as {@link TabularFeatures}
     * wrote them from the data), in the data's own units.
     */
    public static NumericRanges rangesOf(TabularFeatures features, double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("ranges of no rows");
        }
        int numeric = layoutOf(features).numeric();
        double[] min = new double[numeric];
        double[] max = new double[numeric];
        boolean[] whole = new boolean[numeric];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(whole, true);
        List<Map<String, Object>> described = features.describe();
        for (double[] row : rows) {
            for (int i = 0; i < numeric; i++) {
                double v = raw(described.get(i), row[i]);
                min[i] = Math.min(min[i], v);
                max[i] = Math.max(max[i], v);
                whole[i] &= NumericRanges.isWhole(v);
            }
        }
        for (int i = 0; i < numeric; i++) {
            if (whole[i]) {
                min[i] = Math.rint(min[i]);
                max[i] = Math.rint(max[i]);
            }
        }
        return new NumericRanges(min, max, whole);
    }

    /** z σ + μ: a standardized feature in its column's units. */
    private static double raw(Map<String, Object> numericFeature, double z) {
        return z * ((Number) numericFeature.get("std")).doubleValue() + ((Number) numericFeature.get("mean")).doubleValue();
    }
}
