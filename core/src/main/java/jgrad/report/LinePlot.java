package jgrad.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A line plot of one or more series over shared numeric axes: training and validation curves, ROC and
 * precision–recall curves, cumulative gain, Qini curves, cumulative regret, privacy/utility. Build it with
 * {@link #titled}, the axes and {@link #add}, then render with {@link #svg()}.
 *
 * <p>Each series becomes a {@code <polyline data-series="NAME" data-points="x,y x,y …">} whose
 * {@code points} are pixels and whose {@code data-points} are the values given, unrounded.
 */
public final class LinePlot {

    private final String title;
    private Axis x = Axis.of("x", "");
    private Axis y = Axis.of("y", "");
    private final List<Series> series = new ArrayList<>();
    private boolean markers;

    private LinePlot(String title) {
        this.title = title;
    }

    public static LinePlot titled(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a plot needs a title");
        }
        return new LinePlot(title);
    }

    public LinePlot x(Axis axis) {
        this.x = axis;
        return this;
    }

    public LinePlot y(Axis axis) {
        this.y = axis;
        return this;
    }

    public LinePlot add(Series s) {
        series.add(s);
        return this;
    }

    /** Marks each point with a dot: for short series (a few epochs) where the points matter. */
    public LinePlot markers(boolean on) {
        this.markers = on;
        return this;
    }

    public String svg() {
        if (series.isEmpty()) {
            throw new IllegalStateException("plot '" + title + "' has no series");
        }
        Ticks xt = ticks(x, true);
        Ticks yt = ticks(y, false);
        Frame f = new Frame(76, series.stream().map(Series::name).toList());
        StringBuilder sb = new StringBuilder();
        f.begin(sb, "line", title);
        f.xAxis(sb, x, xt);
        f.yAxis(sb, y, yt);
        List<String> names = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        List<Boolean> dashed = new ArrayList<>();
        int coloured = 0;
        for (Series s : series) {
            String colour = s.reference() ? Svg.REFERENCE_COLOUR : Svg.colour(coloured++);
            polyline(sb, f, s, xt, yt, colour);
            names.add(s.name());
            colours.add(colour);
            dashed.add(s.reference());
        }
        f.legend(sb, names, colours, dashed);
        f.end(sb);
        return sb.toString();
    }

    private void polyline(StringBuilder sb, Frame f, Series s, Ticks xt, Ticks yt, String colour) {
        StringBuilder pixels = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            String sep = i == 0 ? "" : " ";
            pixels.append(sep).append(Svg.px(f.sx(s.xAt(i), xt))).append(',').append(Svg.px(f.sy(s.yAt(i), yt)));
            values.append(sep).append(Svg.exact(s.xAt(i))).append(',').append(Svg.exact(s.yAt(i)));
        }
        sb.append("<polyline class=\"series\" data-series=\"").append(Svg.escape(s.name())).append("\" data-points=\"")
                .append(values).append("\" points=\"").append(pixels).append("\" fill=\"none\" stroke=\"")
                .append(colour).append("\" stroke-width=\"").append(s.reference() ? "1.5" : "2.2")
                .append("\" stroke-linejoin=\"round\"").append(s.reference() ? " stroke-dasharray=\"5 4\"" : "")
                .append("/>\n");
        if (markers && !s.reference()) {
            for (int i = 0; i < s.size(); i++) {
                sb.append("<circle cx=\"").append(Svg.px(f.sx(s.xAt(i), xt))).append("\" cy=\"")
                        .append(Svg.px(f.sy(s.yAt(i), yt))).append("\" r=\"3\" fill=\"").append(colour).append("\"/>\n");
            }
        }
    }

    /** The axis' fixed range, or nice ticks around every series' values on it. */
    private Ticks ticks(Axis axis, boolean horizontal) {
        if (axis.fixed()) {
            return Ticks.within(axis.min(), axis.max(), Frame.TICK_TARGET, axis.whole());
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.size(); i++) {
                double v = horizontal ? s.xAt(i) : s.yAt(i);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return Ticks.covering(lo, hi, Frame.TICK_TARGET, axis.whole());
    }
}
