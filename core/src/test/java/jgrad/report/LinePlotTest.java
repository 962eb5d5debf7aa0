package jgrad.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Where a line plot puts its points, read back from the SVG. On the 760 × 430 canvas the plot area runs from
 * x = 76 to 760 − 190 = 570 (494 px) and from y = 44 to 430 − 62 = 368 (324 px), y upward.
 */
class LinePlotTest {

    @Test
    void pointsLandWhereTheAxesSay() {
        String svg = LinePlot.titled("t")
                .x(Axis.of("false positive rate", "share").range(0, 1))
                .y(Axis.of("true positive rate", "share").range(0, 1))
                .add(Series.of("model", new double[] {0, 0.5, 1}, new double[] {0, 1, 0.25}))
                .svg();
        double[][] pixels = SvgParsing.points(SvgParsing.attributes(svg, "polyline", "points").get(0));
        assertArrayEquals(new double[] {76, 76 + 247, 570}, pixels[0], 0.005);
        assertArrayEquals(new double[] {368, 44, 368 - 81}, pixels[1], 0.005);
        double[][] values = SvgParsing.points(SvgParsing.attributes(svg, "polyline", "data-points").get(0));
        assertArrayEquals(new double[] {0, 0.5, 1}, values[0], 0);
        assertArrayEquals(new double[] {0, 1, 0.25}, values[1], 0);
        assertTrue(svg.contains(">false positive rate (share)</text>"), "the x axis is titled with its unit");
        assertTrue(svg.contains(">0.6</text>"), "ticks every 0.2 on [0, 1]");
    }

    @Test
    void fittedAxesCoverEverySeriesAndReferencesAreDashed() {
        String svg = LinePlot.titled("loss")
                .x(Axis.of("epoch", "").counting())
                .y(Axis.of("loss", "nats"))
                .add(Series.indexed("training", new double[] {0.9, 0.5, 0.4}))
                .add(Series.indexed("validation", new double[] {0.8, 0.6, 0.65}))
                .add(Series.reference("base rate", new double[] {1, 3}, new double[] {0.35, 0.35}))
                .svg();
        assertEquals(List.of("training", "validation", "base rate"), SvgParsing.attributes(svg, "polyline",
                "data-series"));
        assertEquals(List.of("5 4"), SvgParsing.attributes(svg, "polyline", "stroke-dasharray"));
        // y ticks: 0.55 / 6 ≈ 0.092 → step 0.1 from 0.3 to 0.9: 0.3 at the bottom (368), 0.9 at the top (44)
        double[][] training = SvgParsing.points(SvgParsing.attributes(svg, "polyline", "points").get(0));
        assertEquals(44, training[1][0], 0.005);
        assertEquals(368 - 324 * (0.4 - 0.3) / 0.6, training[1][2], 0.005);
        assertEquals(570, training[0][2], 0.005, "epochs 1 … 3 span the x axis");
    }

    /** A name longer than the legend column widens the canvas instead of running off its right edge. */
    @Test
    void aLongLegendNameFitsInsideTheCanvas() {
        String name = "all layers, pretrained convolutions at 0.1× the rate of the head";
        String svg = LinePlot.titled("t").add(Series.indexed("short", new double[] {1, 2}))
                .add(Series.indexed(name, new double[] {2, 1})).svg();
        double width = Double.parseDouble(SvgParsing.attributes(svg, "svg", "width").get(0));
        int at = svg.indexOf(">" + name + "</text>");
        String tag = svg.substring(svg.lastIndexOf("<text", at), at);
        double textX = Double.parseDouble(tag.replaceAll("(?s).*x=\"([0-9.]+)\".*", "$1"));
        assertTrue(textX + Frame.LEGEND_CHAR * name.length() <= width, textX + " + text > " + width);
        assertEquals(List.of("0 0 " + (int) width + " 430"), SvgParsing.attributes(svg, "svg", "viewBox"));
        // the plot area is unchanged: the last point of a series still lands at x = 570
        assertEquals(570, SvgParsing.points(SvgParsing.attributes(svg, "polyline", "points").get(0))[0][1], 0.005);
        String plain = LinePlot.titled("t").add(Series.indexed("short", new double[] {1, 2})).svg();
        assertEquals(List.of("760"), SvgParsing.attributes(plain, "svg", "width"));
    }

    @Test
    void namesAreEscaped() {
        String svg = LinePlot.titled("a <b> & \"c\"").add(Series.of("x<y", new double[] {0}, new double[] {1})).svg();
        assertTrue(svg.contains("a &lt;b&gt; &amp; &quot;c&quot;"));
        assertTrue(svg.contains("data-series=\"x&lt;y\""));
    }

    @Test
    void refusesWhatCannotBeDrawn() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Series.of("val_loss", new double[] {1, 2}, new double[] {0.3, Double.NaN}));
        assertTrue(e.getMessage().contains("val_loss") && e.getMessage().contains("point 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Series.of("s", new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalStateException.class, () -> LinePlot.titled("empty").svg());
        assertThrows(IllegalArgumentException.class, () -> Axis.of("x", "").range(1, 1));
    }
}
