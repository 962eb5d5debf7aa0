package jgrad.report;

import java.util.List;

/**
 * The layout every plot shares: an SVG canvas with a title on top, a plot area with grid lines, numeric axes
 * with ticks and titles, and a legend column on the right. Maps data to pixels: x grows rightward, y upward.
 */
final class Frame {

    static final int WIDTH = 760;
    static final int HEIGHT = 430;
    static final int TOP = 44;
    static final int BOTTOM = 62;
    static final int RIGHT = 190;
    static final int TICK_TARGET = 6;

    /** Pixels a legend character may take at 12 px: wide enough for capitals in common sans-serif fonts. */
    static final double LEGEND_CHAR = 7.5;
    /** From the legend column's left edge to its text: the gap and the swatch. */
    private static final int LEGEND_TEXT = 16 + 28;

    private final int left;
    private final double plotWidth;
    private final double plotHeight;
    private final int width;

    /** The widest left margin the standard canvas gives before it widens instead of narrowing the plot. */
    static final int WIDEST_LEFT = 230;

    /**
     * A frame whose canvas is widened past {@link #WIDTH} when a legend name would not fit the legend column or
     * the left margin is wider than {@link #WIDEST_LEFT}, so that no name is cut at either edge.
     */
    Frame(int left, List<String> legendNames) {
        this.left = left;
        this.plotWidth = WIDTH - Math.min(left, WIDEST_LEFT) - RIGHT;
        this.plotHeight = HEIGHT - TOP - BOTTOM;
        int longest = legendNames.stream().mapToInt(String::length).max().orElse(0);
        int legend = Math.max(RIGHT, (int) Math.ceil(LEGEND_TEXT + LEGEND_CHAR * longest + 12));
        this.width = (int) Math.ceil(left + plotWidth + legend);
    }

    /** The canvas width in pixels. */
    int width() {
        return width;
    }

    double left() {
        return left;
    }

    double right() {
        return left + plotWidth;
    }

    double top() {
        return TOP;
    }

    double bottom() {
        return TOP + plotHeight;
    }

    /** The pixel column of x on an axis spanning ticks. */
    double sx(double x, Ticks t) {
        return left + (x - t.min()) / (t.max() - t.min()) * plotWidth;
    }

    /** The pixel row of y on an axis spanning ticks (upward). */
    double sy(double y, Ticks t) {
        return TOP + plotHeight - (y - t.min()) / (t.max() - t.min()) * plotHeight;
    }

    /** The opening tag, background and title; {@code kind} names the plot type for readers of the file. */
    void begin(StringBuilder sb, String kind, String title) {
        begin(sb, kind, title, width, HEIGHT);
    }

    /** As {@link #begin(StringBuilder, String, String)} on a canvas of another size. */
    static void begin(StringBuilder sb, String kind, String title, int width, int height) {
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" data-kind=\"").append(kind)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"")
                .append(Svg.escape(title)).append("\" ").append(Svg.FONT).append(" font-size=\"12\">\n");
        sb.append("<title>").append(Svg.escape(title)).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        sb.append(Svg.text(width / 2.0, 24, "middle", " font-size=\"15\" font-weight=\"600\"", title));
    }

    /** Vertical grid lines, tick labels under the plot area and the axis title. */
    void xAxis(StringBuilder sb, Axis axis, Ticks t) {
        for (double v : t.values()) {
            double x = sx(v, t);
            sb.append(line(x, top(), x, bottom(), "#e5e5e5"));
            sb.append(line(x, bottom(), x, bottom() + 5, "#333333"));
            sb.append(Svg.text(x, bottom() + 19, "middle", " class=\"tick\"", t.label(v)));
        }
        sb.append(line(left(), bottom(), right(), bottom(), "#333333"));
        sb.append(Svg.text((left() + right()) / 2, HEIGHT - 14, "middle", " class=\"axis-title\"", axis.title()));
    }

    /** Horizontal grid lines, tick labels left of the plot area and the rotated axis title. */
    void yAxis(StringBuilder sb, Axis axis, Ticks t) {
        for (double v : t.values()) {
            double y = sy(v, t);
            sb.append(line(left(), y, right(), y, "#e5e5e5"));
            sb.append(line(left() - 5, y, left(), y, "#333333"));
            sb.append(Svg.text(left() - 8, y + 4, "end", " class=\"tick\"", t.label(v)));
        }
        sb.append(line(left(), top(), left(), bottom(), "#333333"));
        double cy = (top() + bottom()) / 2;
        sb.append(Svg.text(16, cy, "middle", " class=\"axis-title\" transform=\"rotate(-90 16 " + Svg.px(cy) + ")\"",
                axis.title()));
    }

    /** One legend row per entry, right of the plot area: a swatch (dashed for references) and the name. */
    void legend(StringBuilder sb, List<String> names, List<String> colours, List<Boolean> dashed) {
        double x = right() + LEGEND_TEXT - 28;
        double y = top() + 8;
        sb.append("<g class=\"legend\">\n");
        for (int i = 0; i < names.size(); i++) {
            double row = y + 20 * i;
            sb.append("<line x1=\"").append(Svg.px(x)).append("\" y1=\"").append(Svg.px(row)).append("\" x2=\"")
                    .append(Svg.px(x + 22)).append("\" y2=\"").append(Svg.px(row)).append("\" stroke=\"")
                    .append(colours.get(i)).append("\" stroke-width=\"3\"")
                    .append(dashed.get(i) ? " stroke-dasharray=\"5 4\"" : "").append("/>\n");
            sb.append(Svg.text(x + 28, row + 4, "start", "", names.get(i)));
        }
        sb.append("</g>\n");
    }

    void end(StringBuilder sb) {
        sb.append("</svg>\n");
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"" + Svg.px(x1) + "\" y1=\"" + Svg.px(y1) + "\" x2=\"" + Svg.px(x2) + "\" y2=\""
                + Svg.px(y2) + "\" stroke=\"" + colour + "\"/>\n";
    }
}
