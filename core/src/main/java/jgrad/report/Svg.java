package jgrad.report;

import java.util.Locale;

/** Small pieces of SVG text shared by the plots: escaping, numbers, the colour palette. */
final class Svg {

    /**
     * Okabe and Ito's palette (2008), told apart by people with any common colour-vision deficiency, in the
     * order series are coloured.
     */
    static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442",
        "#000000"};

    static final String REFERENCE_COLOUR = "#888888";
    static final String FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\"";

    private Svg() {
    }

    static String colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** Text safe inside an element or a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A pixel coordinate: two decimals are finer than any screen. */
    static String px(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A data value written in full ({@link Double#toString}), so that it reads back exactly. */
    static String exact(double v) {
        return Double.toString(v);
    }

    static String text(double x, double y, String anchor, String extra, String content) {
        return "<text x=\"" + px(x) + "\" y=\"" + px(y) + "\" text-anchor=\"" + anchor + "\"" + extra + ">"
                + escape(content) + "</text>\n";
    }
}
