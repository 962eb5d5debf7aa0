package jgrad.report.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Learning curves grouped by quantity, and the confusion matrix of classes, read back from their SVG. */
class EpochCurvesTest {

    private static Map<String, Double> logs(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    private static List<String> attributes(String svg, String attribute) {
        Matcher m = Pattern.compile(attribute + "=\"([^\"]*)\"").matcher(svg);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void trainingValidationAndTestValuesOfAQuantityShareAPlotPerRun() {
        EpochCurves c = new EpochCurves();
        c.epoch("a", 1, logs("loss", 0.9, "val_loss", 1.0, "test_rmse", 1.2));
        c.epoch("a", 2, logs("loss", 0.7, "val_loss", 0.8, "test_rmse", 1.1));
        c.epoch("b", 5, logs("loss", 0.5, "val_loss", Double.NaN));   // evaluated every 5 epochs; NaN left out
        List<String> plots = c.plots("t");
        assertEquals(2, plots.size());
        assertEquals(List.of("t: loss per epoch"), attributes(plots.get(0), "aria-label"));
        assertEquals(List.of("a, training", "a, validation", "b, training"), attributes(plots.get(0), "data-series"));
        assertEquals(List.of("1.0,0.9 2.0,0.7", "1.0,1.0 2.0,0.8", "5.0,0.5"), attributes(plots.get(0), "data-points"));
        assertEquals(List.of("a, test"), attributes(plots.get(1), "data-series"));
        assertTrue(plots.get(1).contains(">rmse (stars)</text>"), "the quantity's unit");
        assertArrayEquals(new double[] {1.2, 1.1}, c.values("a", "test_rmse")[1], 0);
        assertThrows(IllegalArgumentException.class, () -> c.epoch("a", 0, logs("loss", 1)));
    }

    @Test
    void aConfusionMatrixCountsActualByPredicted() {
        String svg = ClassFigures.confusion(new int[] {0, 0, 1, 2, 2, 2}, new int[] {0, 1, 1, 2, 0, 2},
                List.of("x", "y", "z"), "m");
        List<String> rows = attributes(svg, "data-row");
        List<String> values = attributes(svg, "data-value");
        // row-major cells: x→(1, 1, 0), y→(0, 1, 0), z→(1, 0, 2)
        assertEquals(List.of("x", "x", "x", "y", "y", "y", "z", "z", "z"), rows);
        assertEquals(List.of("1.0", "1.0", "0.0", "0.0", "1.0", "0.0", "1.0", "0.0", "2.0"), values);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassFigures.confusion(new int[] {3}, new int[] {0}, List.of("x", "y", "z"), "m"));
        assertTrue(e.getMessage().contains("example 0 has label 3"), e.getMessage());
    }
}
