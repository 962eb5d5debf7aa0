package jgrad.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Horizontal bars, one row per category, one bar per series in each row (grouped): segment sizes, a
 * segment's outcome rate, the features that set segments apart. The value axis always includes 0, so bar
 * lengths compare honestly; negative values extend left of it.
 *
 * <p>Each bar is a {@code <rect data-category="…" data-series="…" data-value="v">}.
 */
public final class BarChart {

    private final String title;
    private final List<String> categories;
    private Axis value = Axis.of("value", "");
    private String categoryTitle = "";
    private final Map<String, double[]> series = new LinkedHashMap<>();

    private BarChart(String title, List<String> categories) {
        this.title = title;
        this.categories = List.copyOf(categories);
    }

    /** A chart of the given categories, drawn top to bottom in this order. */
    public static BarChart titled(String title, List<String> categories) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a chart needs a title");
        }
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("bar chart '" + title + "' has no categories");
        }
        return new BarChart(title, categories);
    }

    public BarChart value(Axis axis) {
        this.value = axis;
        return this;
    }

    /** What the categories are (e.g. "segment"), written above their labels. */
    public BarChart categories(String what) {
        this.categoryTitle = what;
        return this;
    }

    /** One value per category, in the categories' order. */
    public BarChart add(String name, double[] values) {
        if (values.length != categories.size()) {
            throw new IllegalArgumentException("bar chart '" + title + "': series '" + name + "' has " + values.length
                    + " values for " + categories.size() + " categories");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("bar chart '" + title + "': series '" + name + "', category '"
                        + categories.get(i) + "' has value " + values[i]);
            }
        }
        series.put(name, values.clone());
        return this;
    }

    public String svg() {
        if (series.isEmpty()) {
            throw new IllegalStateException("bar chart '" + title + "' has no series");
        }
        Frame f = new Frame(labelMargin(), List.copyOf(series.keySet()));
        Ticks t = ticks();
        StringBuilder sb = new StringBuilder();
        f.begin(sb, "bar", title);
        f.xAxis(sb, value, t);
        double rowHeight = (f.bottom() - f.top()) / categories.size();
        double barHeight = Math.min(28, rowHeight * 0.8 / series.size());
        double zero = f.sx(0, t);
        List<String> names = new ArrayList<>(series.keySet());
        for (int c = 0; c < categories.size(); c++) {
            double rowTop = f.top() + c * rowHeight + (rowHeight - barHeight * series.size()) / 2;
            sb.append(Svg.text(f.left() - 8, f.top() + (c + 0.5) * rowHeight + 4, "end", " class=\"category\"",
                    categories.get(c)));
            for (int s = 0; s < names.size(); s++) {
                double v = series.get(names.get(s))[c];
                double end = f.sx(v, t);
                sb.append("<rect class=\"bar\" data-category=\"").append(Svg.escape(categories.get(c)))
                        .append("\" data-series=\"").append(Svg.escape(names.get(s))).append("\" data-value=\"")
                        .append(Svg.exact(v)).append("\" x=\"").append(Svg.px(Math.min(zero, end))).append("\" y=\"")
                        .append(Svg.px(rowTop + s * barHeight)).append("\" width=\"").append(Svg.px(Math.abs(end - zero)))
                        .append("\" height=\"").append(Svg.px(barHeight - 2)).append("\" fill=\"")
                        .append(Svg.colour(s)).append("\"><title>").append(Svg.escape(categories.get(c) + ", "
                                + names.get(s) + ": " + t.label(v))).append("</title></rect>\n");
            }
        }
        sb.append("<line x1=\"").append(Svg.px(zero)).append("\" y1=\"").append(Svg.px(f.top())).append("\" x2=\"")
                .append(Svg.px(zero)).append("\" y2=\"").append(Svg.px(f.bottom())).append("\" stroke=\"#333333\"/>\n");
        if (!categoryTitle.isBlank()) {
            sb.append(Svg.text(f.left() - 8, f.top() - 8, "end", " class=\"axis-title\"", categoryTitle));
        }
        f.legend(sb, names, names.stream().map(n -> Svg.colour(names.indexOf(n))).toList(),
                names.stream().map(n -> false).toList());
        f.end(sb);
        return sb.toString();
    }

    /** Room for the longest category label (about 7 px a character at 12 px); the canvas widens for long ones. */
    private int labelMargin() {
        int longest = categories.stream().mapToInt(String::length).max().orElse(4);
        return Math.max(60, 16 + 7 * longest);
    }

    private Ticks ticks() {
        if (value.fixed()) {
            return Ticks.within(value.min(), value.max(), Frame.TICK_TARGET, value.whole());
        }
        double lo = 0;
        double hi = 0;
        for (double[] values : series.values()) {
            for (double v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return Ticks.covering(lo, hi, Frame.TICK_TARGET, value.whole());
    }
}
