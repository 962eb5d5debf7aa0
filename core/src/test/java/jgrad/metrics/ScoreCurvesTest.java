package jgrad.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The curves against scikit-learn's roc_curve and precision_recall_curve and a NumPy gain curve on 300 rows
 * with many ties ({@code src/test/resources/metrics/make_curves.py}), and against a hand-worked example.
 */
class ScoreCurvesTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void handWorkedExampleWithATie() {
        ScoreCurves c = ScoreCurves.of(new double[] {0.9, 0.8, 0.8, 0.1}, new int[] {1, 0, 1, 0});
        // thresholds 0.9, 0.8 (two rows enter together), 0.1: TP 1, 2, 2 and FP 0, 1, 2 of P = N = 2
        assertArrayEquals(new double[] {0, 0, 0.5, 1}, c.roc()[0], TOLERANCE);
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, c.roc()[1], TOLERANCE);
        assertArrayEquals(new double[] {0.5, 1, 1}, c.precisionRecall()[0], TOLERANCE);
        assertArrayEquals(new double[] {1, 2.0 / 3, 0.5}, c.precisionRecall()[1], TOLERANCE);
        // the gain takes rows one at a time, the tie in index order: 1, 0, 1, 0
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, c.cumulativeGain(4)[0], TOLERANCE);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, c.cumulativeGain(4)[1], TOLERANCE);
        // lift = (hits / k) / (2 / 4): 2, 1, 4/3, 1
        assertArrayEquals(new double[] {2, 1, 4.0 / 3, 1}, c.lift(4)[1], TOLERANCE);
    }

    @Test
    void agreesWithScikitLearn() throws IOException {
        List<String> rows = lines("curves.csv");
        double[] scores = new double[rows.size()];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",");
            scores[i] = Double.parseDouble(cells[0]);
            labels[i] = Integer.parseInt(cells[1]);
        }
        Map<String, double[][]> expected = expected();
        ScoreCurves c = ScoreCurves.of(scores, labels);
        assertCurve(expected.get("roc"), c.roc(), "roc");
        assertCurve(expected.get("pr"), c.precisionRecall(), "precision-recall");
        assertCurve(expected.get("gain"), c.cumulativeGain(50), "gain");
        assertEquals(expected.get("auc")[1][0], ClassificationMetrics.rocAuc(scores, labels), TOLERANCE);
        assertEquals(expected.get("auc")[1][0], trapezoid(c.roc()), TOLERANCE, "the area under the ROC points");
    }

    @Test
    void refusesOneClassAndBadSizes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ScoreCurves.of(new double[] {0.1, 0.2}, new int[] {0, 0}));
        assertTrue(e.getMessage().contains("both outcomes"), e.getMessage());
        ScoreCurves c = ScoreCurves.of(new double[] {0.1, 0.2}, new int[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> c.cumulativeGain(0));
        assertEquals(3, c.cumulativeGain(100)[0].length, "never more points than rows + 1");
    }

    private static double trapezoid(double[][] curve) {
        double area = 0;
        for (int i = 1; i < curve[0].length; i++) {
            area += (curve[0][i] - curve[0][i - 1]) * (curve[1][i] + curve[1][i - 1]) / 2;
        }
        return area;
    }

    private static void assertCurve(double[][] expected, double[][] actual, String what) {
        assertEquals(expected[0].length, actual[0].length, what + ": number of points");
        assertArrayEquals(expected[0], actual[0], TOLERANCE, what + ": x");
        assertArrayEquals(expected[1], actual[1], TOLERANCE, what + ": y");
    }

    private static Map<String, double[][]> expected() throws IOException {
        Map<String, double[][]> curves = new HashMap<>();
        for (String line : lines("curves.expected")) {
            String[] parts = line.trim().split(" ");
            double[] numbers = Arrays.stream(parts, 1, parts.length).mapToDouble(Double::parseDouble).toArray();
            double[] x = new double[numbers.length / 2];
            double[] y = new double[numbers.length / 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = numbers[2 * i];
                y[i] = numbers[2 * i + 1];
            }
            curves.put(parts[0], new double[][] {x, y});
        }
        return curves;
    }

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = ScoreCurvesTest.class.getResourceAsStream("/metrics/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /metrics/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
