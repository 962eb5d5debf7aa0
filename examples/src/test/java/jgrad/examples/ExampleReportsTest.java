package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import jgrad.data.idx.FashionMnist;

/**
 * {@code ./jgrad example NAME --report DIR} through the shared hook: the figures hold the numbers the example
 * printed (to the decimals printed). One example of each kind of figure the hook adds: learning curves
 * (movie-dot), a confusion matrix of classes (fashion-mnist), the privacy/utility curve (movie-dp); and the
 * Qini curves of {@code uplift} and the cumulative regret of {@code bandit}, whose reports had not been read back.
 */
class ExampleReportsTest {

    private static void assumeMovieLens() {
        try {
            MovieLensFiles.ml100k(null);
        } catch (IllegalStateException absent) {
            Assumptions.abort("MovieLens 100K is absent: " + absent.getMessage());
        }
    }

    @Test
    void movieDotCurvesAreThePrintedEpochs(@TempDir Path dir) throws Exception {
        assumeMovieLens();
        Run run = Run.of("example", "movie-dot", "--epochs", "3", "--report", dir.toString());
        assertEquals(0, run.code(), run.err());
        List<Document> figures = ReportFiles.figures(Files.readString(dir.resolve("movie-dot.html")));
        assertEquals(2, figures.size());
        double[][] loss = ReportFiles.series(ReportFiles.figure(figures, "movie-dot: loss per epoch"), "training");
        double[][] rmse = ReportFiles.series(ReportFiles.figure(figures, "movie-dot: rmse per epoch"), "test");
        assertArrayEquals(new double[] {1, 2, 3}, loss[0], 0);
        assertArrayEquals(printed(run.out(), "epoch \\d+/3 .* loss ([0-9.]+)"), loss[1], 5.1e-5);
        assertArrayEquals(printed(run.out(), "epoch \\d+/3 .* test_rmse ([0-9.]+)"), rmse[1], 5.1e-5);
        assertEquals(ReportFiles.printed(run.out(), "final: test RMSE ([0-9.]+)"), rmse[1][2], 5.1e-5);
    }

    @Test
    void fashionMnistConfusionMatrixIsTheTestSetAndThePrintedAccuracy(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(FashionMnist.findDirectory().isPresent(), "Fashion-MNIST is not installed");
        Run run = Run.of("example", "fashion-mnist", "--epochs", "1", "--report", dir.toString());
        assertEquals(0, run.code(), run.err());
        List<Document> figures = ReportFiles.figures(Files.readString(dir.resolve("fashion-mnist.html")));
        Document confusion = ReportFiles.figure(figures, "Fashion-MNIST: confusion matrix");
        double diagonal = 0;
        for (String actual : FashionMnist.CLASSES) {
            double row = 0;
            for (String predicted : FashionMnist.CLASSES) {
                double cell = ReportFiles.value(confusion, "rect", "data-row", actual, "data-column", predicted);
                row += cell;
                diagonal += actual.equals(predicted) ? cell : 0;
            }
            assertEquals(1000, row, 0, actual + ": the test set has 1,000 images of each class");
        }
        double accuracy = ReportFiles.printed(run.out(), "final test accuracy ([0-9.]+)");
        assertEquals(accuracy, diagonal / 10_000, 5.1e-5);
        double[][] curve = ReportFiles.series(ReportFiles.figure(figures, "fashion-mnist: accuracy per epoch"), "test");
        assertEquals(accuracy, curve[1][0], 5.1e-5);
        double[][] loss = ReportFiles.series(ReportFiles.figure(figures, "fashion-mnist: loss per epoch"), "training");
        assertEquals(ReportFiles.printed(run.out(), "epoch 1 .* loss ([0-9.]+)"), loss[1][0], 5.1e-5);
    }

    @Test
    void movieFedCurveIsThePrintedRounds(@TempDir Path dir) throws Exception {
        assumeMovieLens();
        Run run = Run.of("example", "movie-fed", "--rounds", "20", "--central-epochs", "1", "--report", dir.toString());
        assertEquals(0, run.code(), run.err());
        List<Document> figures = ReportFiles.figures(Files.readString(dir.resolve("movie-fed.html")));
        double[][] rmse = ReportFiles.series(ReportFiles.figure(figures, "movie-fed: rmse per epoch"), "federated, test");
        assertArrayEquals(new double[] {10, 20}, rmse[0], 0);
        assertArrayEquals(printed(run.out(), "round +\\d+ .* federated test RMSE ([0-9.]+)"), rmse[1], 5.1e-5);
    }

    @Test
    void sentimentFoldBarsAreThePrintedAccuracies(@TempDir Path dir) throws Exception {
        Path mr = Path.of("..", "..", "shared", "data", "mr-polarity");
        Assumptions.assumeTrue(Files.isDirectory(mr), "the movie-review sentences are absent: " + mr);
        Run run = Run.of("example", "sentiment", "--model", "bow", "--first", "2", "--report", dir.toString());
        assertEquals(0, run.code(), run.err());
        Document bars = ReportFiles.figure(ReportFiles.figures(Files.readString(dir.resolve("sentiment.html"))),
                "bow: accuracy by fold");
        double[] printed = printed(run.out(), "fold +\\d+ +train +\\d+ +test +\\d+ +accuracy ([0-9.]+)");
        assertEquals(2, printed.length, run.out());
        for (int f = 0; f < 2; f++) {
            assertEquals(printed[f], ReportFiles.value(bars, "rect", "data-category", "fold " + (f + 1)), 5.1e-5);
        }
    }

    @Test
    void sentimentOnOneFoldPrintsThatFoldNotASpread() throws Exception {
        Path mr = Path.of("..", "..", "shared", "data", "mr-polarity");
        Assumptions.assumeTrue(Files.isDirectory(mr), "the movie-review sentences are absent: " + mr);
        Run run = Run.of("example", "sentiment", "--model", "bow", "--first", "1");
        assertEquals(0, run.code(), run.err());
        double[] fold = printed(run.out(), "fold +1 +train +\\d+ +test +\\d+ +accuracy ([0-9.]+)");
        double[] summary = printed(run.out(), "bow 10-fold accuracy ([0-9.]+) \\(fold 1 only\\)");
        assertEquals(1, summary.length, run.out());
        assertEquals(fold[0], summary[0], 0, run.out());
        assertFalse(run.out().contains("NaN"), run.out());
    }

    @Test
    void movieDpPrivacyUtilityCurveIsThePrintedTable(@TempDir Path dir) throws Exception {
        assumeMovieLens();
        Run run = Run.of("example", "movie-dp", "--epochs", "1", "--epsilons", "2,8", "--report", dir.toString());
        assertEquals(0, run.code(), run.err());
        List<Document> figures = ReportFiles.figures(Files.readString(dir.resolve("movie-dp.html")));
        double[][] dp = ReportFiles.series(ReportFiles.figure(figures, "Biased MF on MovieLens 100K u1: DP-SGD"),
                "DP-SGD");
        // table rows: | DP ε = 2 | σ | ε spent | test RMSE | s / epoch |
        assertArrayEquals(printed(run.out(), "\\| DP ε = \\d+ \\| [0-9.]+ \\| ([0-9.]+) \\|"), dp[0], 5.1e-4);
        assertArrayEquals(printed(run.out(), "\\| DP ε = \\d+ \\| [0-9.]+ \\| [0-9.]+ \\| ([0-9.]+) \\|"), dp[1], 5.1e-5);
        double nonPrivate = ReportFiles.printed(run.out(), "\\| no noise \\| [0-9.]+ \\| ∞ \\| ([0-9.]+) \\|");
        assertTrue(Files.readString(dir.resolve("movie-dp.html")).contains(String.format(java.util.Locale.ROOT,
                "non-private %.4f", nonPrivate)));
        assertTrue(dp[0][0] <= 2.0 + 1e-9 && dp[0][1] <= 8.0 + 1e-9, "ε spent within the targets");
    }

    /**
     * {@code uplift --report}: each model's Qini curve (201 points of split 1's) integrates to the Qini coefficient
     * printed for it, ∫ Qini(φ) dφ − Qini(1)/2 by the trapezoid rule, and the bar chart holds the printed one.
     */
    @Test
    void upliftQiniCurvesIntegrateToThePrintedCoefficients(@TempDir Path dir) throws Exception {
        Path hillstrom = Path.of("..", "..", "shared", "data").resolve(BanditCommand.HILLSTROM);
        Assumptions.assumeTrue(Files.isRegularFile(hillstrom), "the Hillstrom data set is absent: " + hillstrom);
        Run run = Run.of("uplift", "--data", hillstrom.toString(), "--splits", "1", "--report", dir.toString());
        assertEquals(0, run.code(), run.err());
        List<Document> figures = ReportFiles.figures(Files.readString(dir.resolve("uplift.html")));
        Document qini = ReportFiles.figure(figures, "Qini curve");
        Document bars = ReportFiles.figure(figures, "Qini coefficient by model");
        int models = 0;
        for (String line : run.out().lines().toList()) {
            Matcher m = Pattern.compile("^(\\S[^±]*?)\\s+(-?[0-9.]+) ± [0-9.]+\\s+(-?[0-9.]+) ± [0-9.]+\\s+(-?[0-9.]+) ± [0-9.]+"
                    + "\\s+(-?[0-9.]+) ± [0-9.]+").matcher(line);
            if (!m.find()) {
                continue;
            }
            String model = m.group(1).strip();
            double printedQini = Double.parseDouble(m.group(5));
            double[][] curve = ReportFiles.series(qini, model);
            int last = curve[0].length - 1;
            assertEquals(0, curve[0][0], 0, model);
            assertEquals(1, curve[0][last], 0, model);
            // the plot keeps 201 of the ~21,000 points of the held-out half (UpliftExperiment.CURVE_POINTS), so
            // the trapezoid on them differs from the coefficient by the sampling error: 8e-6 seen, 5e-5 allowed
            assertEquals(printedQini, ReportFiles.trapezoid(curve) - curve[1][last] / 2, 5e-5, model);
            assertEquals(printedQini, ReportFiles.value(bars, "rect", "data-category", model), 5.1e-6, model);
            models++;
        }
        assertTrue(models >= 3, "models read from the printed table: " + models + "\n" + run.out());
    }

    /**
     * {@code bandit --report}: each policy's mean cumulative-regret curve ends, at the last round, at the mean
     * regret against the best fixed arm printed for it (one decimal).
     */
    @Test
    void banditRegretCurvesEndAtThePrintedRegret(@TempDir Path dir) throws Exception {
        Path hillstrom = Path.of("..", "..", "shared", "data").resolve(BanditCommand.HILLSTROM);
        Assumptions.assumeTrue(Files.isRegularFile(hillstrom), "the Hillstrom data set is absent: " + hillstrom);
        Run run = Run.of("bandit", "--data", hillstrom.toString(), "--rounds", "3000", "--seeds", "2", "--report",
                dir.toString());
        assertEquals(0, run.code(), run.err());
        Document regret = ReportFiles.figure(ReportFiles.figures(Files.readString(dir.resolve("bandit.html"))),
                "Cumulative regret vs");
        int policies = 0;
        for (String line : run.out().lines().toList()) {
            Matcher m = Pattern.compile("^(\\S+)\\s+[0-9,.]+\\s+[0-9.]+\\s+-?[0-9.]+\\s+(-?[0-9.]+) ± [0-9.]+$")
                    .matcher(line);
            if (!m.find()) {
                continue;
            }
            double[][] curve = ReportFiles.series(regret, m.group(1));
            int last = curve[0].length - 1;
            assertEquals(3000, curve[0][last], 0, m.group(1));
            assertEquals(Double.parseDouble(m.group(2)), curve[1][last], 0.051, m.group(1));
            policies++;
        }
        assertTrue(policies >= 3, "policies read from the printed table: " + policies + "\n" + run.out());
    }

    /** Every match's first group, in order. */
    private static double[] printed(String text, String regex) {
        List<Double> values = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            values.add(Double.parseDouble(m.group(1)));
        }
        assertTrue(!values.isEmpty(), "nothing printed matches " + regex);
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
