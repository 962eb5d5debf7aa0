package jgrad.report.figures;

import java.util.Map;

import jgrad.report.Axis;
import jgrad.report.LinePlot;
import jgrad.report.Series;

/** The figures of bandit runs: cumulative regret ({@code jgrad.bandit.BanditRun#meanRegretCurve}). */
public final class BanditFigures {

    private BanditFigures() {
    }

    /**
     * Each policy's mean cumulative regret {rounds, regret} against the best fixed arm: rising while the policy
     * plays worse than that arm, falling (below 0) once a contextual policy beats every fixed arm.
     */
    public static String cumulativeRegret(Map<String, double[][]> curves, String against) {
        LinePlot plot = LinePlot.titled("Cumulative regret vs " + against)
                .x(Axis.of("round", "customers so far").counting())
                .y(Axis.of("cumulative regret", "expected responses lost"));
        curves.forEach((name, c) -> plot.add(Series.of(name, c[0], c[1])));
        double[][] any = curves.values().iterator().next();
        return plot.add(Series.reference(against, new double[] {0, any[0][any[0].length - 1]}, new double[] {0, 0}))
                .svg();
    }
}
