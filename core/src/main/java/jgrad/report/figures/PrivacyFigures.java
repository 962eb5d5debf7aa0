package jgrad.report.figures;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jgrad.privacy.dp.PrivateMatrixFactorization.Point;
import jgrad.report.Axis;
import jgrad.report.LinePlot;
import jgrad.report.Series;

/** Figures of private training. */
public final class PrivacyFigures {

    private PrivacyFigures() {
    }

    /**
     * The privacy/utility curve of {@link jgrad.privacy.dp.PrivateMatrixFactorization#curve}: the test RMSE of
     * each private model against the ε it spent (at δ), and the non-private model's RMSE as a dashed line.
     */
    public static String privacyUtility(List<Point> points, String title, double delta) {
        double[] eps = points.stream().filter(Point::isPrivate).mapToDouble(Point::epsilonSpent).toArray();
        double[] rmse = points.stream().filter(Point::isPrivate).mapToDouble(Point::testRmse).toArray();
        String d = String.format(Locale.ROOT, "δ = %.0e", delta);
        LinePlot plot = LinePlot.titled(title).x(Axis.of("privacy budget ε spent", d)).y(Axis.of("test RMSE", "stars"))
                .markers(true);
        if (eps.length > 0) {
            plot.add(Series.of("DP-SGD", eps, rmse));
        }
        double[] span = eps.length == 0 ? new double[] {0, 1}
                : new double[] {Arrays.stream(eps).min().getAsDouble(), Arrays.stream(eps).max().getAsDouble()};
        points.stream().filter(p -> !p.isPrivate()).findFirst().ifPresent(p -> plot.add(Series.reference(
                String.format(Locale.ROOT, "non-private %.4f", p.testRmse()), span,
                new double[] {p.testRmse(), p.testRmse()})));
        return plot.svg();
    }
}
