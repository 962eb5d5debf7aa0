package jgrad.synth;

import java.util.ArrayList;
import java.util.List;

import jgrad.data.csv.Table;

/**
 * How closely synthetic rows follow the real ones, as SDMetrics's single-table quality report computes it:
 * <ul>
 *   <li>column shapes: 1 − KS statistic for a numeric column, 1 − TVD of the category frequencies for a categorical
 *       one;</li>
 *   <li>column pair trends: 1 − |r_real − r_synthetic| / 2 of Pearson's r for two numeric columns; 1 − TVD of the
 *       contingency table for any pair with a categorical column, the numbers put in 10 equal-width bins of the
 *       real values (a pair whose r is undefined, a constant column, is left out and counted);</li>
 *   <li>overall: the mean of the two properties' means.</li>
 * </ul>
 */
public record QualityReport(List<Score> shapes, List<Score> trends, int undefinedPairs) {

    /** Bins per numeric column in the contingency tables (SDMetrics's default). */
    public static final int BINS = 10;

    /** One column's or one pair's score in [0, 1]; {@code second} is null for a column. */
    public record Score(String first, String second, String metric, double score) {
    }

    public QualityReport {
        shapes = List.copyOf(shapes);
        trends = List.copyOf(trends);
    }

    public static QualityReport of(Table real, Table synthetic, List<String> numeric, List<String> categorical) {
        List<Score> shapes = new ArrayList<>();
        for (String c : numeric) {
            shapes.add(new Score(c, null, "KS", 1 - Similarity.ks(RealRows.numeric(real, c), RealRows.numeric(synthetic, c))));
        }
        for (String c : categorical) {
            shapes.add(new Score(c, null, "TVD", 1 - Similarity.tvd(RealRows.categories(real, c),
                    RealRows.categories(synthetic, c))));
        }
        List<String> columns = new ArrayList<>(numeric);
        columns.addAll(categorical);
        List<Score> trends = new ArrayList<>();
        int undefined = 0;
        for (int i = 0; i < columns.size(); i++) {
            for (int j = i + 1; j < columns.size(); j++) {
                String a = columns.get(i);
                String b = columns.get(j);
                if (numeric.contains(a) && numeric.contains(b)) {
                    double rReal = Similarity.pearson(RealRows.numeric(real, a), RealRows.numeric(real, b));
                    double rSynthetic = Similarity.pearson(RealRows.numeric(synthetic, a), RealRows.numeric(synthetic, b));
                    if (Double.isNaN(rReal) || Double.isNaN(rSynthetic)) {
                        undefined++;
                    } else {
                        trends.add(new Score(a, b, "correlation", 1 - Math.abs(rReal - rSynthetic) / 2));
                    }
                } else {
                    double tvd = Similarity.contingencyTvd(discrete(real, real, a, numeric), discrete(real, real, b, numeric),
                            discrete(real, synthetic, a, numeric), discrete(real, synthetic, b, numeric));
                    trends.add(new Score(a, b, "contingency", 1 - tvd));
                }
            }
        }
        return new QualityReport(shapes, trends, undefined);
    }

    /** A column as categories: its text, or for a number its bin among the real values'. */
    private static String[] discrete(Table real, Table table, String column, List<String> numeric) {
        return numeric.contains(column)
                ? Similarity.bin(RealRows.numeric(real, column), RealRows.numeric(table, column), BINS)
                : RealRows.categories(table, column);
    }

    /** The mean column-shape score. */
    public double columnShapes() {
        return shapes.stream().mapToDouble(Score::score).average().orElse(Double.NaN);
    }

    /** The mean pair-trend score. */
    public double pairTrends() {
        return trends.stream().mapToDouble(Score::score).average().orElse(Double.NaN);
    }

    /** (column shapes + pair trends) / 2; the column shapes alone when there is a single column. */
    public double overall() {
        return trends.isEmpty() ? columnShapes() : (columnShapes() + pairTrends()) / 2;
    }
}
