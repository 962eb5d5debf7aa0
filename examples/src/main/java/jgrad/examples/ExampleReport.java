package jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jgrad.report.HtmlReport;
import jgrad.report.figures.EpochCurves;

/**
 * The report hook every {@code ./jgrad example} shares: {@link ExampleCommand} makes one per run, on when
 * {@code --report DIR} was given; the example's per-epoch printers ({@link EpochReport}, {@link RecsysReport}, …)
 * record each epoch's logs into it, and the example adds the figures its task calls for (a confusion matrix,
 * the privacy/utility curve, …). When the example is done, {@link #write} puts the learning curves first, then
 * those figures, into {@code DIR/NAME.html}. Off, every call does nothing.
 */
final class ExampleReport {

    private record Figure(String svg, String caption) {
    }

    private final Path dir;
    private final String name;
    private final EpochCurves curves = new EpochCurves();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String title;

    private ExampleReport(Path dir, String name) {
        this.dir = dir;
        this.name = name;
        this.title = name;
    }

    /** A report that records nothing and writes nothing. */
    static ExampleReport off() {
        return new ExampleReport(null, "");
    }

    /** A report of example {@code name} into {@code dir}, already known to be writable. */
    static ExampleReport into(Path dir, String name) {
        return new ExampleReport(dir, name);
    }

    boolean isOn() {
        return dir != null;
    }

    void title(String text) {
        this.title = text;
    }

    /** A line under the title: the settings the numbers come from. */
    void note(String text) {
        notes.add(text);
    }

    /** The logs of {@code epoch} (from 1) of {@code run} ("" for the only run). */
    void epoch(String run, int epoch, Map<String, Double> logs) {
        if (isOn()) {
            curves.epoch(run, epoch, logs);
        }
    }

    /** A figure; {@code svg} is only computed when the report is on. */
    void figure(java.util.function.Supplier<String> svg, String caption) {
        if (isOn()) {
            figures.add(new Figure(svg.get(), caption));
        }
    }

    /** Writes {@code DIR/NAME.html} and says where; nothing when off. */
    void write(PrintStream out) throws IOException {
        if (!isOn()) {
            return;
        }
        HtmlReport page = new HtmlReport(title);
        notes.forEach(page::meta);
        for (String svg : curves.plots(name)) {
            page.figure(svg, "After each epoch: the training value is averaged over the epoch's batches; validation"
                    + " and test values are measured on held-out data after the epoch.");
        }
        figures.forEach(f -> page.figure(f.svg(), f.caption()));
        ReportOption.write(page, dir, name, out);
    }
}
