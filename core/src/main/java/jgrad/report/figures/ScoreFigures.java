package jgrad.report.figures;

import java.util.List;
import java.util.Map;

import jgrad.metrics.ConfusionMatrix;
import jgrad.metrics.ScoreCurves;
import jgrad.report.Axis;
import jgrad.report.HeatMap;
import jgrad.report.LinePlot;
import jgrad.report.Series;

/**
 * The figures of scores against a binary outcome (one or more models on the same rows): ROC, precision–recall,
 * cumulative gain, lift, and the confusion matrix of a decision.
 */
public final class ScoreFigures {

    /** The gain and lift curves' resolution: 200 steps of 0.5 % each are smooth at any size. */
    public static final int CURVE_POINTS = 200;

    private static final double[] DIAGONAL = {0, 1};

    private ScoreFigures() {
    }

    /** ROC curves of each model (name → curves), with the diagonal of a random ranking. */
    public static String roc(Map<String, ScoreCurves> models, String outcome) {
        LinePlot plot = LinePlot.titled("ROC curve: " + outcome)
                .x(Axis.of("false positive rate", "share of negatives ranked above the threshold").range(0, 1))
                .y(Axis.of("true positive rate", "share of positives ranked above the threshold").range(0, 1));
        models.forEach((name, c) -> plot.add(xy(name, c.roc())));
        return plot.add(Series.reference("random ranking", DIAGONAL, DIAGONAL)).svg();
    }

    /** Precision against recall of each model, with the base rate (a random ranking's precision). */
    public static String precisionRecall(Map<String, ScoreCurves> models, String outcome, double baseRate) {
        LinePlot plot = LinePlot.titled("Precision–recall: " + outcome)
                .x(Axis.of("recall", "share of positives found").range(0, 1))
                .y(Axis.of("precision", "share of those selected who are positive").range(0, 1));
        models.forEach((name, c) -> plot.add(xy(name, c.precisionRecall())));
        return plot.add(Series.reference("base rate", DIAGONAL, new double[] {baseRate, baseRate}))
                .svg();
    }

    /** Cumulative gain of each model: the share of all positives reached by contacting the top fraction. */
    public static String cumulativeGain(Map<String, ScoreCurves> models, String outcome) {
        LinePlot plot = LinePlot.titled("Cumulative gain: " + outcome)
                .x(Axis.of("clients contacted, best scores first", "fraction of all").range(0, 1))
                .y(Axis.of("positives reached", "fraction of all positives").range(0, 1));
        models.forEach((name, c) -> plot.add(xy(name, c.cumulativeGain(CURVE_POINTS))));
        return plot.add(Series.reference("random order", DIAGONAL, DIAGONAL)).svg();
    }

    /** Lift of each model: its positive rate among the top fraction over the base rate. */
    public static String lift(Map<String, ScoreCurves> models, String outcome) {
        LinePlot plot = LinePlot.titled("Lift: " + outcome)
                .x(Axis.of("clients contacted, best scores first", "fraction of all").range(0, 1))
                .y(Axis.of("lift", "× the base rate"));
        models.forEach((name, c) -> plot.add(xy(name, c.lift(CURVE_POINTS))));
        return plot.add(Series.reference("random order", DIAGONAL, new double[] {1, 1})).svg();
    }

    /** The confusion matrix: rows the actual outcome, columns the decision. */
    public static String confusion(ConfusionMatrix m, String title, String negative, String positive,
            String decided, String didNot) {
        double[][] counts = {
            {m.trueNegatives(), m.falsePositives()},
            {m.falseNegatives(), m.truePositives()}};
        return HeatMap.of(title, "actual outcome (clients)", List.of(negative, positive), "decision",
                List.of(didNot, decided), counts).svg();
    }

    private static Series xy(String name, double[][] curve) {
        return Series.of(name, curve[0], curve[1]);
    }
}
