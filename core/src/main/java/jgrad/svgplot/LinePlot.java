package jgrad.svgplot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal line plot written as an SVG document: series of (x, y) points joined by lines, each point marked
 * and labelled with its y, and dashed horizontal reference lines (a baseline). Linear axes with five ticks
 * spanning the data. No dependency, no fonts: the viewer renders the text.
 */
public final class LinePlot {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private record Series(String name, double[] x, double[] y) { }

    private record Reference(String name, double y) { }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a series of points (x[i], y[i]); both arrays of one length, finite values. */
    public LinePlot series(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("series '" + name + "': point " + i + " is not finite");
            }
        }
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    /** Adds a dashed horizontal line at y (ignored when y is not finite). */
    public LinePlot reference(String name, double y) {
        if (Double.isFinite(y)) {
            references.add(new Reference(name, y));
        }
        return this;
    }

    /** The plot as a standalone SVG document. */
    public String toSvg() {
        double[] xr = range(true);
        double[] yr = range(false);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        text(svg, WIDTH / 2.0, 20, "middle", title);
        text(svg, WIDTH / 2.0, HEIGHT - 10, "middle", xLabel);
        svg.append(String.format(Locale.ROOT, "<text x=\"15\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 15 %.1f)\">%s</text>%n",
                HEIGHT / 2.0, HEIGHT / 2.0, escape(yLabel)));
        axes(svg, xr, yr);
        for (Reference r : references) {
            double y = py(r.y(), yr);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"gray\" "
                    + "stroke-dasharray=\"6 4\"/>%n", LEFT, y, WIDTH - RIGHT, y));
            text(svg, WIDTH - RIGHT - 4, y - 5, "end", r.name());
        }
        for (int s = 0; s < series.size(); s++) {
            Series ser = series.get(s);
            String color = COLORS[s % COLORS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < ser.x().length; i++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(ser.x()[i], xr), py(ser.y()[i], yr)));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    points.toString().strip(), color));
            for (int i = 0; i < ser.x().length; i++) {
                double x = px(ser.x()[i], xr);
                double y = py(ser.y()[i], yr);
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n", x, y, color));
                text(svg, x + 6, y - 6, "start", String.format(Locale.ROOT, "%.4f", ser.y()[i]));
            }
            text(svg, LEFT + 10, TOP + 15 + 15 * s, "start", ser.name());
        }
        return svg.append("</svg>\n").toString();
    }

    private void axes(StringBuilder svg, double[] xr, double[] yr) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        for (int t = 0; t <= 4; t++) {
            double xv = xr[0] + (xr[1] - xr[0]) * t / 4;
            double yv = yr[0] + (yr[1] - yr[0]) * t / 4;
            text(svg, px(xv, xr), HEIGHT - BOTTOM + 16, "middle", String.format(Locale.ROOT, "%.3g", xv));
            text(svg, LEFT - 6, py(yv, yr) + 4, "end", String.format(Locale.ROOT, "%.3f", yv));
        }
    }

    /** [min, max] of the x (or y, with the references) values, widened by 5 % so no point sits on an edge. */
    private double[] range(boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : x ? s.x() : s.y()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!x) {
            for (Reference r : references) {
                lo = Math.min(lo, r.y());
                hi = Math.max(hi, r.y());
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-9, Math.abs(lo) * 0.05);
        return new double[] {lo - pad, hi + pad};
    }

    private static double px(double v, double[] r) {
        return LEFT + (v - r[0]) / (r[1] - r[0]) * (WIDTH - LEFT - RIGHT);
    }

    private static double py(double v, double[] r) {
        return HEIGHT - BOTTOM - (v - r[0]) / (r[1] - r[0]) * (HEIGHT - TOP - BOTTOM);
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String s) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor,
                escape(s)));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
