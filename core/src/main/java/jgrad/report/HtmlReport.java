package jgrad.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * One self-contained HTML page: headings, paragraphs, tables and figures (inline SVG) with inline CSS and no
 * script, font or image fetched from anywhere, so it opens the same offline, attached to an e-mail or years
 * later. Parts appear in the order they are added.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:820px;margin:2em auto;\
            padding:0 1em;color:#111;line-height:1.45}
            h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ddd}
            figure{margin:1.2em 0}figcaption{color:#444;font-size:.92em;margin-top:.3em}
            svg.plot{max-width:100%;height:auto;border:1px solid #eee}
            table{border-collapse:collapse;margin:.8em 0;font-size:.95em}
            th,td{border-bottom:1px solid #e2e2e2;padding:.25em .8em;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .meta{color:#555;font-size:.9em}
            """;

    private final String title;
    private final StringBuilder body = new StringBuilder();

    public HtmlReport(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a report needs a title");
        }
        this.title = title;
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(Svg.escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(Svg.escape(text)).append("</p>\n");
        return this;
    }

    /** Small print: the command line, data, seed and date a reader needs to reproduce the report. */
    public HtmlReport meta(String text) {
        body.append("<p class=\"meta\">").append(Svg.escape(text)).append("</p>\n");
        return this;
    }

    /** A table; cells that parse as numbers are right-aligned. */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        header.forEach(h -> body.append("<th>").append(Svg.escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("table row " + row + " has " + row.size() + " cells for "
                        + header.size() + " columns");
            }
            body.append("<tr>");
            row.forEach(cell -> body.append(numeric(cell) ? "<td class=\"n\">" : "<td>").append(Svg.escape(cell))
                    .append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** A figure: an SVG from {@link LinePlot}, {@link BarChart} or {@link HeatMap}, and a caption saying what to see. */
    public HtmlReport figure(String svg, String caption) {
        if (!svg.startsWith("<svg")) {
            throw new IllegalArgumentException("a figure must be an SVG element, got '"
                    + svg.substring(0, Math.min(20, svg.length())) + "…'");
        }
        body.append("<figure>\n").append(svg).append("<figcaption>").append(Svg.escape(caption))
                .append("</figcaption>\n</figure>\n");
        return this;
    }

    /** The whole page. */
    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                + Svg.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<h1>"
                + Svg.escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
    }

    /**
     * Writes the page to {@code dir/fileName} (creating {@code dir}), under a temporary name first and then
     * renamed, so the path never holds half a report. Returns the path written.
     *
     * @throws IOException naming the directory when it cannot be created or written
     */
    public Path write(Path dir, String fileName) throws IOException {
        checkWritable(dir);
        Path target = dir.resolve(fileName);
        Path partial = Files.createTempFile(dir, "." + fileName, ".tmp");
        try {
            Files.writeString(partial, html(), StandardCharsets.UTF_8);
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Creates {@code dir} if needed and checks a file can be made in it, so a command can refuse a bad
     * report directory before it spends time computing.
     */
    public static void checkWritable(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("report directory " + dir + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".jgrad-report", ".probe");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new IOException("report directory " + dir + " cannot be written: permission denied on "
                    + e.getFile());
        } catch (IOException e) {
            throw new IOException("report directory " + dir + " cannot be written: " + e.getMessage());
        }
    }

    private static boolean numeric(String cell) {
        return cell.matches("[-+−]?[0-9][0-9,]*(\\.[0-9]+)?( ?%)?");
    }
}
