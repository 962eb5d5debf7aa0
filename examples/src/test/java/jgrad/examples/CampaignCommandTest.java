package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code ./jgrad campaign --report DIR}, short (2 folds, 2 epochs): every step prints, and the report's
 * figures hold the numbers printed; the page renders in headless Chromium.
 */
class CampaignCommandTest {

    @TempDir
    static Path dir;

    private static Run run;
    private static List<Document> figures;
    private static Path page;

    @BeforeAll
    static void runCampaign() throws Exception {
        run = Run.of("campaign", "--epochs", "2", "--folds", "2", "--segments", "3", "--seed", "3", "--report",
                dir.resolve("r").toString());
        assertEquals(0, run.code(), run.err());
        page = dir.resolve("r/campaign.html");
        figures = ReportFiles.figures(Files.readString(page));
    }

    @Test
    void theAbTestBarsAreThePrintedArms() {
        Document perClient = ReportFiles.figure(figures, "Simulated A/B test: subscriptions per client");
        Document perCall = ReportFiles.figure(figures, "Simulated A/B test: subscriptions per call");
        Matcher arm = Pattern.compile("\\n  (model policy|random calls|call everyone) +(\\d+) +(\\d+) +(\\d+) ")
                .matcher(run.out());
        int arms = 0;
        while (arm.find()) {
            double clients = Double.parseDouble(arm.group(2));
            double calls = Double.parseDouble(arm.group(3));
            double subscribed = Double.parseDouble(arm.group(4));
            assertEquals(100 * subscribed / clients, ReportFiles.value(perClient, "rect", "data-category", arm.group(1)),
                    1e-9, arm.group(1));
            assertEquals(100 * subscribed / calls, ReportFiles.value(perCall, "rect", "data-category", arm.group(1)),
                    1e-9, arm.group(1));
            arms++;
        }
        assertEquals(3, arms, run.out());
    }

    @Test
    void theSegmentBarsAndRocCurvesAreThePrintedNumbers() {
        Document sizes = ReportFiles.figure(figures, "Segment sizes");
        Matcher segment = Pattern.compile("segment (\\d)  +([0-9,]+) clients").matcher(run.out());
        int segments = 0;
        while (segment.find()) {
            assertEquals(Double.parseDouble(segment.group(2).replace(",", "")),
                    ReportFiles.value(sizes, "rect", "data-category", "segment " + segment.group(1)));
            segments++;
        }
        assertEquals(3, segments, run.out());
        Document roc = ReportFiles.figure(figures, "ROC curve");
        for (String model : List.of("wide & deep network", "logistic regression")) {
            double printed = ReportFiles.printed(run.out(), "  " + model + " +ROC AUC ([0-9.]+)");
            assertEquals(printed, ReportFiles.trapezoid(ReportFiles.series(roc, model)), 5e-5, model);
        }
    }

    @Test
    void printsEveryStep() {
        for (String step : List.of("segments of the 3,295 training clients", "2-fold cross-validated ROC AUC",
                "policy: call the 83 held-out clients", "simulated A/B test", "policy vs random calls",
                "report written to")) {
            assertTrue(run.out().contains(step), step + " in\n" + run.out());
        }
    }

    @Test
    void rendersInHeadlessChromium() throws Exception {
        Path browser = Chromium.find();
        Assumptions.assumeTrue(browser != null, "chromium is not installed here (apt-get install chromium; .ci/run"
                + " installs it), so the report's rendering is not checked");
        Chromium.Result dom = Chromium.run(browser, page, dir, "--dump-dom");
        assertEquals(0, dom.code(), dom.log());
        assertEquals(List.of(), dom.consoleMessages(), "the page logs nothing to the console");
        assertEquals(figures.size(), dom.out().split("<svg", -1).length - 1, "every figure is in the rendered DOM");
        Path png = Files.createDirectories(Path.of("target", "report-screenshots")).resolve("campaign.png");
        Files.deleteIfExists(png);
        Chromium.Result shot = Chromium.run(browser, page, dir, "--screenshot=" + png.toAbsolutePath());
        assertEquals(0, shot.code(), shot.log());
        assertTrue(Files.size(png) > 10_000, "a screenshot of the page in " + png);
    }
}
