package jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import jgrad.report.HtmlReport;

/**
 * {@code --report DIR}: where a command writes its HTML report. The directory is created and tried before any
 * work is done, so a report that cannot be written costs no training time.
 */
final class ReportOption {

    private ReportOption() {
    }

    /** The directory named by {@code value}, created and known to be writable. */
    static Path directory(String value) {
        Path dir = ExampleOptions.path("--report", value);
        try {
            HtmlReport.checkWritable(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("--report " + value + ": " + e.getMessage());
        }
        return dir;
    }

    /** Writes the report as {@code dir/NAME.html} and says where. */
    static void write(HtmlReport report, Path dir, String name, PrintStream out) throws IOException {
        Path file = report.write(dir, name + ".html");
        out.println("\nreport written to " + file.toAbsolutePath() + " (self-contained HTML; open it in any browser)");
    }
}
