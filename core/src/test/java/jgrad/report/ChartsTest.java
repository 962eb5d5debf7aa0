package jgrad.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Bar charts and heat maps: values written back exactly, bar lengths proportional to them from zero. */
class ChartsTest {

    @Test
    void barsStartAtZeroAndScaleWithTheirValues() {
        String svg = BarChart.titled("segment sizes", List.of("A", "B", "C"))
                .value(Axis.of("clients", "count"))
                .add("clients", new double[] {100, 250, 50})
                .svg();
        assertEquals(List.of("100.0", "250.0", "50.0"), SvgParsing.attributes(svg, "rect", "data-value"));
        List<Double> widths = SvgParsing.attributes(svg, "rect", "width").stream().skip(1)   // the background
                .map(Double::parseDouble).toList();
        assertEquals(2.5, widths.get(1) / widths.get(0), 1e-3);
        assertEquals(0.5, widths.get(2) / widths.get(0), 1e-3);
        assertTrue(svg.contains(">250</text>"), "a tick at 250 (step 50)");
    }

    /** A long category label widens the canvas to its left instead of running off the left edge. */
    @Test
    void aLongCategoryLabelFitsInsideTheCanvas() {
        String label = "frozen for half, then all with convolutions at 0.1× rate";
        String svg = BarChart.titled("t", List.of("short", label)).value(Axis.of("v", "")).add("s", new double[] {1, 2})
                .svg();
        int at = svg.indexOf(">" + label + "</text>");
        String tag = svg.substring(svg.lastIndexOf("<text", at), at);
        double rightEdge = Double.parseDouble(tag.replaceAll("(?s).*x=\"([0-9.]+)\".*", "$1"));   // text-anchor end
        assertTrue(rightEdge - 7 * label.length() >= 0, "the label starts at " + (rightEdge - 7 * label.length()));
        double width = Double.parseDouble(SvgParsing.attributes(svg, "svg", "width").get(0));
        assertEquals(16 + 7 * label.length() + 340 + 190, width, 0, "the plot keeps 340 px, the legend 190");
    }

    @Test
    void negativeBarsExtendLeftOfZero() {
        String svg = BarChart.titled("difference", List.of("age", "euribor3m"))
                .value(Axis.of("standardized difference", "sd"))
                .add("segment 1", new double[] {0.5, -1.0})
                .svg();
        List<Double> xs = SvgParsing.attributes(svg, "rect", "x").stream().map(Double::parseDouble).toList();
        List<Double> ws = SvgParsing.attributes(svg, "rect", "width").stream().skip(1).map(Double::parseDouble).toList();
        assertEquals(xs.get(0), xs.get(1) + ws.get(1), 0.01, "the negative bar ends where the positive one starts");
        assertEquals(2, ws.get(1) / ws.get(0), 1e-3);
    }

    @Test
    void heatMapCellsHoldTheirCountsAndDarkenWithThem() {
        String svg = HeatMap.of("confusion", "actual", List.of("no", "yes"), "decision", List.of("skip", "call"),
                new double[][] {{681, 51}, {60, 32}}).svg();
        assertEquals(List.of("681.0", "51.0", "60.0", "32.0"), SvgParsing.attributes(svg, "rect", "data-value"));
        List<String> fills = SvgParsing.attributes(svg, "rect", "fill");
        assertEquals("#08306b", fills.get(1), "the largest count is the darkest");
        assertTrue(svg.contains(">681</text>"));
        var e = assertThrows(IllegalArgumentException.class, () -> HeatMap.of("m", "r", List.of("a"), "c",
                List.of("x"), new double[][] {{-1}}));
        assertTrue(e.getMessage().contains("non-negative"), e.getMessage());
    }

    @Test
    void barValuesMustMatchTheCategories() {
        var e = assertThrows(IllegalArgumentException.class, () -> BarChart.titled("t", List.of("a", "b"))
                .add("s", new double[] {1}));
        assertTrue(e.getMessage().contains("1 values for 2 categories"), e.getMessage());
    }
}
