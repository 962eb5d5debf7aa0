package jgrad.svgplot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Coordinates checked by hand: the plot area is x 70..610, y 40..350 over the data's range widened by 5 %. */
class LinePlotTest {

    @Test
    void pointsLandWhereTheAxesPutThem() {
        // x in [1, 3] widened to [0.9, 3.1]; y in [1, 2] (with the reference) widened to [0.95, 2.05].
        String svg = new LinePlot("t", "ε", "RMSE").series("dp", new double[] {1, 3}, new double[] {2, 1.5})
                .reference("base", 1).toSvg();
        // x = 70 + (1 − 0.9) / 2.2 · 540 = 94.5; y = 350 − (2 − 0.95) / 1.1 · 310 = 54.1
        // x = 70 + (3 − 0.9) / 2.2 · 540 = 585.5; y = 350 − (1.5 − 0.95) / 1.1 · 310 = 195.0
        assertTrue(svg.contains("points=\"94.5,54.1 585.5,195.0\""), svg);
        // the reference at y = 350 − (1 − 0.95) / 1.1 · 310 = 335.9, dashed across the plot
        assertTrue(svg.contains("x1=\"70\" y1=\"335.9\" x2=\"610\" y2=\"335.9\" stroke=\"gray\" stroke-dasharray"), svg);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.strip().endsWith("</svg>"));
    }

    @Test
    void textIsEscaped() {
        String svg = new LinePlot("a < b & \"c\"", "x", "y").series("s", new double[] {0}, new double[] {0}).toSvg();
        assertTrue(svg.contains("a &lt; b &amp; &quot;c&quot;"), svg);
    }

    @Test
    void badSeriesAreRefused() {
        LinePlot p = new LinePlot("t", "x", "y");
        assertThrows(IllegalArgumentException.class, () -> p.series("s", new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> p.series("s", new double[] {Double.NaN}, new double[] {1}));
    }
}
