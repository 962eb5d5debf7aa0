package jgrad.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void writesOneSelfContainedPage() throws IOException {
        HtmlReport r = new HtmlReport("Campaign <1>")
                .paragraph("a & b")
                .table(List.of("measure", "value"), List.of(List.of("ROC AUC", "0.7712")))
                .figure(LinePlot.titled("p").add(Series.indexed("s", new double[] {1, 2})).svg(), "caption");
        Path file = r.write(dir.resolve("new/sub"), "report.html");
        String html = Files.readString(file);
        assertEquals(dir.resolve("new/sub/report.html"), file);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>Campaign &lt;1&gt;</title>") && html.contains("<p>a &amp; b</p>"));
        assertTrue(html.contains("<td class=\"n\">0.7712</td>"), "numbers are right-aligned");
        assertFalse(html.contains("<script") || html.contains(" src=") || html.contains(" href="),
                "nothing is loaded from elsewhere");
        assertEquals(List.of("report.html"), Files.list(file.getParent()).map(p -> p.getFileName().toString()).toList(),
                "no temporary file is left");
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        var asDir = assertThrows(IOException.class, () -> HtmlReport.checkWritable(file));
        assertTrue(asDir.getMessage().contains(file.toString()) && asDir.getMessage().contains("is a file"),
                asDir.getMessage());
        var below = assertThrows(IOException.class, () -> HtmlReport.checkWritable(file.resolve("sub")));
        assertTrue(below.getMessage().contains("cannot be written"), below.getMessage());
    }

    @Test
    void aFigureMustBeSvg() {
        assertThrows(IllegalArgumentException.class, () -> new HtmlReport("t").figure("<img src=x>", "c"));
        assertThrows(IllegalArgumentException.class, () -> new HtmlReport("t")
                .table(List.of("a", "b"), List.of(List.of("1"))));
    }
}
