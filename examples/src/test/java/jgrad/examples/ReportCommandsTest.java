package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code ./jgrad demo --report DIR}: the page's figures hold the numbers the command printed, and the page
 * renders in headless Chromium with no console message; its screenshot is kept under
 * {@code target/report-screenshots/}.
 */
class ReportCommandsTest {

    @TempDir
    static Path dir;

    private static Run demo;
    private static Path page;

    @BeforeAll
    static void runDemo() {
        demo = Run.of("demo", "--epochs", "3", "--seed", "7", "--report", dir.resolve("out").toString());
        assertEquals(0, demo.code(), demo.err());
        page = dir.resolve("out/demo.html");
    }

    @Test
    void trainingCurvesAreThePrintedEpochs() throws Exception {
        List<Document> figures = ReportFiles.figures(Files.readString(page));
        double[][] loss = ReportFiles.series(ReportFiles.figure(figures, "bank clients: loss"), "training");
        double[][] validation = ReportFiles.series(ReportFiles.figure(figures, "bank clients: loss"), "validation");
        Matcher epoch = Pattern.compile("Epoch (\\d+)/3 .* - loss: ([0-9.]+) .* - val_loss: ([0-9.]+)")
                .matcher(demo.out());
        int seen = 0;
        while (epoch.find()) {
            int e = Integer.parseInt(epoch.group(1));
            assertEquals(e, loss[0][e - 1], 0);
            assertEquals(Double.parseDouble(epoch.group(2)), loss[1][e - 1], 5e-5, "loss of epoch " + e);
            assertEquals(Double.parseDouble(epoch.group(3)), validation[1][e - 1], 5e-5, "val_loss of epoch " + e);
            seen++;
        }
        assertEquals(3, seen, demo.out());
        assertEquals(3, loss[0].length);
    }

    @Test
    void curvesAndConfusionMatrixAreThePrintedMetrics() throws Exception {
        List<Document> figures = ReportFiles.figures(Files.readString(page));
        double auc = ReportFiles.printed(demo.out(), "ROC AUC +([0-9.]+)");
        double[][] roc = ReportFiles.series(ReportFiles.figure(figures, "ROC curve"), DemoReport.MODEL);
        assertEquals(auc, ReportFiles.trapezoid(roc), 5e-5, "the area under the plotted ROC curve is the AUC printed");

        Document confusion = ReportFiles.figure(figures, "Calls at the budget");
        double budget = ReportFiles.printed(demo.out(), "call the top 10 % = (\\d+) clients");
        double hits = ReportFiles.printed(demo.out(), "clients: (\\d+) subscribe");
        double scored = ReportFiles.printed(demo.out(), "clients scored +(\\d+),");
        double subscribed = ReportFiles.printed(demo.out(), "of whom (\\d+) subscribed");
        double calledHits = ReportFiles.value(confusion, "rect", "data-row", "subscribed", "data-column", "called");
        double calledMisses = ReportFiles.value(confusion, "rect", "data-row", "did not subscribe", "data-column",
                "called");
        double missed = ReportFiles.value(confusion, "rect", "data-row", "subscribed", "data-column", "not called");
        double rest = ReportFiles.value(confusion, "rect", "data-row", "did not subscribe", "data-column", "not called");
        assertEquals(hits, calledHits);
        assertEquals(budget, calledHits + calledMisses);
        assertEquals(subscribed, calledHits + missed);
        assertEquals(scored, calledHits + calledMisses + missed + rest);

        double recall = ReportFiles.printed(demo.out(), "at that budget +precision [0-9.]+, recall ([0-9.]+)");
        double[][] gain = ReportFiles.series(ReportFiles.figure(figures, "Cumulative gain"), DemoReport.MODEL);
        int atBudget = 0;
        for (int i = 1; i < gain[0].length; i++) {
            atBudget = Math.abs(gain[0][i] - 0.1) < Math.abs(gain[0][atBudget] - 0.1) ? i : atBudget;
        }
        assertEquals(0.1, gain[0][atBudget], 1.0 / scored, "the gain curve's point nearest 10 % is one client away");
        assertEquals(recall, gain[1][atBudget], (1 + 0.5e-3 * subscribed) / subscribed,
                "the gain there is the recall at the budget, within one client (and the printed rounding)");
    }

    @Test
    void rendersInHeadlessChromiumWithoutConsoleMessages() throws Exception {
        Path browser = Chromium.find();
        Assumptions.assumeTrue(browser != null, "chromium is not installed here (apt-get install chromium; .ci/run"
                + " installs it), so the report's rendering is not checked");
        String html = Files.readString(page);
        Chromium.Result dom = Chromium.run(browser, page, dir, "--dump-dom");
        assertEquals(0, dom.code(), dom.log());
        assertEquals(List.of(), dom.consoleMessages(), "the page logs nothing to the console");
        assertEquals(count(html, "<svg"), count(dom.out(), "<svg"), "every figure is in the rendered DOM");

        Path shots = Files.createDirectories(Path.of("target", "report-screenshots"));
        Path png = shots.resolve("demo.png");
        Files.deleteIfExists(png);
        Chromium.Result shot = Chromium.run(browser, page, dir, "--screenshot=" + png.toAbsolutePath());
        assertEquals(0, shot.code(), shot.log());
        assertEquals(List.of(), shot.consoleMessages());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(bluePixels(image) > 2000, "the series are drawn (Okabe-Ito blue pixels in " + png + ")");
    }

    /** Pixels near the first series' colour #0072B2 (anti-aliasing blurs its edges). */
    private static int bluePixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - 0x00) < 40 && Math.abs(g - 0x72) < 40 && Math.abs(b - 0xB2) < 40) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
