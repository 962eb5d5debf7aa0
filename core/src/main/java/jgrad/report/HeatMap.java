package jgrad.report;

import java.util.List;

/**
 * A matrix of non-negative counts as coloured cells, each labelled with its count (a confusion matrix: rows
 * the actual class, columns the predicted one). The colour runs from white (0) to dark blue (the largest
 * count); the count is written in white on dark cells so it stays legible.
 *
 * <p>Each cell is a {@code <rect data-row="…" data-column="…" data-value="v">}.
 */
public final class HeatMap {

    private static final int CELL = 110;

    private final String title;
    private final String rowTitle;
    private final List<String> rows;
    private final String columnTitle;
    private final List<String> columns;
    private final double[][] values;

    private HeatMap(String title, String rowTitle, List<String> rows, String columnTitle, List<String> columns,
            double[][] values) {
        this.title = title;
        this.rowTitle = rowTitle;
        this.rows = rows;
        this.columnTitle = columnTitle;
        this.columns = columns;
        this.values = values;
    }

    /** {@code values[r][c]} is the count in row r, column c; all must be finite and ≥ 0. */
    public static HeatMap of(String title, String rowTitle, List<String> rows, String columnTitle, List<String> columns,
            double[][] values) {
        if (values.length != rows.size()) {
            throw new IllegalArgumentException("heat map '" + title + "': " + values.length + " rows of values for "
                    + rows.size() + " row labels");
        }
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != columns.size()) {
                throw new IllegalArgumentException("heat map '" + title + "': row " + r + " has " + values[r].length
                        + " values for " + columns.size() + " column labels");
            }
            for (double v : values[r]) {
                if (!(v >= 0 && Double.isFinite(v))) {
                    throw new IllegalArgumentException("heat map '" + title + "': row " + r + " holds " + v
                            + "; counts must be finite and non-negative");
                }
            }
            copy[r] = values[r].clone();
        }
        return new HeatMap(title, rowTitle, List.copyOf(rows), columnTitle, List.copyOf(columns), copy);
    }

    public String svg() {
        double largest = 0;
        for (double[] row : values) {
            for (double v : row) {
                largest = Math.max(largest, v);
            }
        }
        double left = 190;
        double top = 86;
        StringBuilder sb = new StringBuilder();
        int width = (int) (left + CELL * columns.size() + 40);
        int height = (int) (top + CELL * rows.size() + 30);
        Frame.begin(sb, "heatmap", title, Math.max(width, 8 * title.length() + 40), height);
        sb.append(Svg.text(left + CELL * columns.size() / 2.0, top - 30, "middle", " class=\"axis-title\"", columnTitle));
        for (int c = 0; c < columns.size(); c++) {
            sb.append(Svg.text(left + CELL * (c + 0.5), top - 10, "middle", " class=\"category\"", columns.get(c)));
        }
        double cy = top + CELL * rows.size() / 2.0;
        sb.append(Svg.text(40, cy, "middle", " class=\"axis-title\" transform=\"rotate(-90 40 " + Svg.px(cy) + ")\"",
                rowTitle));
        for (int r = 0; r < rows.size(); r++) {
            sb.append(Svg.text(left - 10, top + CELL * (r + 0.5) + 4, "end", " class=\"category\"", rows.get(r)));
            for (int c = 0; c < columns.size(); c++) {
                double v = values[r][c];
                double shade = largest == 0 ? 0 : v / largest;
                sb.append("<rect class=\"cell\" data-row=\"").append(Svg.escape(rows.get(r))).append("\" data-column=\"")
                        .append(Svg.escape(columns.get(c))).append("\" data-value=\"").append(Svg.exact(v))
                        .append("\" x=\"").append(Svg.px(left + CELL * c)).append("\" y=\"").append(Svg.px(top + CELL * r))
                        .append("\" width=\"").append(CELL).append("\" height=\"").append(CELL).append("\" fill=\"")
                        .append(blue(shade)).append("\" stroke=\"#ffffff\"/>\n");
                sb.append(Svg.text(left + CELL * (c + 0.5), top + CELL * (r + 0.5) + 6, "middle",
                        " font-size=\"18\" fill=\"" + (shade > 0.5 ? "#ffffff" : "#111111") + "\"", count(v)));
            }
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** White (0) to #08306B (1), linearly in RGB. */
    private static String blue(double shade) {
        int r = (int) Math.round(255 + (8 - 255) * shade);
        int g = (int) Math.round(255 + (48 - 255) * shade);
        int b = (int) Math.round(255 + (107 - 255) * shade);
        return String.format("#%02x%02x%02x", r, g, b);
    }

    private static String count(double v) {
        return v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,d", (long) v)
                : String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
