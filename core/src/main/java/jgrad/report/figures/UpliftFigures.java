package jgrad.report.figures;

import java.util.Map;

import jgrad.report.Axis;
import jgrad.report.LinePlot;
import jgrad.report.Series;

/** The figures of uplift models: Qini curves ({@code jgrad.uplift.UpliftMetrics#qiniCurve}). */
public final class UpliftFigures {

    private UpliftFigures() {
    }

    /**
     * Qini curves {fractions, Qini} of several rankings of the same rows: the incremental responders (treated
     * responders minus control responders scaled to the treated count), as a share of all treated rows, among
     * the top fraction; a random ranking's curve is the straight line to the end point.
     */
    public static String qini(Map<String, double[][]> curves, String outcome) {
        LinePlot plot = LinePlot.titled("Qini curve: " + outcome)
                .x(Axis.of("customers targeted, highest predicted uplift first", "fraction of all").range(0, 1))
                .y(Axis.of("incremental " + outcome, "per treated customer"));
        curves.forEach((name, c) -> plot.add(Series.of(name, c[0], c[1])));
        double[][] any = curves.values().iterator().next();
        double end = any[1][any[1].length - 1];
        return plot.add(Series.reference("straight line (random, in expectation)", new double[] {0, 1},
                new double[] {0, end})).svg();
    }
}
