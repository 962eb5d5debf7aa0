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
 * {@code ./jgrad campaign --data} on the first 6,000 of Hillstrom's customers (copied from ../shared/data into a
 * temporary file: the data has no license that lets the project ship it; skipped when it is absent): the schema is
 * told by the header, every step prints, and the report's bars are the printed policy values.
 */
class HillstromCampaignCommandTest {

    @TempDir
    static Path dir;

    private static Run run;
    private static List<Document> figures;

    @BeforeAll
    static void runCampaign() throws Exception {
        Path file = Path.of("..", "..", "shared", "data", "hillstrom-email",
                "Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "Hillstrom data not at " + file);
        Path sample = dir.resolve("hillstrom-6000.csv");
        Files.write(sample, Files.readAllLines(file).subList(0, 6_001));
        run = Run.of("campaign", "--data", sample.toString(), "--budget", "0.2", "--segments", "3", "--seed", "2",
                "--report", dir.resolve("r").toString());
        assertEquals(0, run.code(), run.err());
        figures = ReportFiles.figures(Files.readString(dir.resolve("r/campaign.html")));
    }

    @Test
    void printsEveryStep() {
        for (String step : List.of("6,000 customers", "segments of the 3,000 training customers",
                "Womens E-Mail   neural two-head", "policy: e-mail 600 of the 3,000 held-out customers",
                "simulated A/B test on the 3,000 held-out customers", "random e-mails, same number", "report written to")) {
            assertTrue(run.out().contains(step), step + " in\n" + run.out());
        }
    }

    @Test
    void thePolicyBarsAreThePrintedValues() {
        Document bars = ReportFiles.figure(figures, "Policies: visit rate per customer");
        Matcher row = Pattern.compile("\\n  (uplift policy|random e-mails, same number|e-mail everyone, e-mail at random"
                + "|no e-mail) +[0-9.]+% +\\d+ +([0-9.]+)% ").matcher(run.out());
        int rows = 0;
        while (row.find()) {
            assertEquals(Double.parseDouble(row.group(2)), ReportFiles.value(bars, "rect", "data-category",
                    row.group(1)), 0.005, row.group(1));
            rows++;
        }
        assertEquals(4, rows, run.out());
        assertEquals(2, figures.stream().filter(f -> f.getDocumentElement().getAttribute("aria-label")
                .startsWith("Qini curve")).count(), "one Qini figure per e-mail");
    }
}
