package jgrad.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.data.csv.Table;
import jgrad.io.AtomicFiles;
import jgrad.report.HtmlReport;
import jgrad.report.figures.SegmentFigures;
import jgrad.segment.KMeans;
import jgrad.segment.Segmentation;

/**
 * {@code ./jgrad segment --data CSV [--schema bank|shoppers] [--k K | --k-range A..B] [--embed raw|ae|vae|dbn] [--out CSV]}:
 * segments the customers of a file by k-means on their standardized, one-hot features (or an autoencoder's code
 * of them) and prints, per segment,
 * its size, outcome rate, silhouette and the features that set it apart; {@code --out} writes every row's
 * segment and its coordinates on the 2-D PCA map ({@code row} counts the file's data rows from 1).
 */
final class SegmentCommand implements Command {

    private static final List<String> OPTIONS = List.of("--data", "--schema", "--k", "--k-range", "--embed", "--restarts",
            "--seed", "--top", "--silhouette-sample", "--out", "--code", "--epochs", "--corruption", "--report");

    @Override public String name() { return "segment"; }
    @Override public String usage() {
        return "--data CSV [--schema bank|shoppers] [--k K | --k-range A..B] [--embed raw|ae|vae|dbn [--code N] [--epochs N]"
                + " [--corruption P]] [--restarts N] [--seed S] [--top N] [--silhouette-sample N] [--out CSV] [--report DIR]";
    }
    @Override public String summary() { return "customer segments by k-means, with a profile of each"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, OPTIONS);
        if (!o.containsKey("--data")) {
            throw new UsageException("needs --data CSV (a bank-additional*.csv, or online_shoppers_intention.csv with"
                    + " --schema shoppers)");
        }
        if (o.containsKey("--k") && o.containsKey("--k-range")) {
            throw new UsageException("give --k or --k-range, not both");
        }
        int[] range = o.containsKey("--k") ? fixed(Main.positiveInt("--k", o.get("--k")))
                : o.containsKey("--k-range") ? parseRange(o.get("--k-range")) : new int[] {2, 8};
        SegmentEmbedding embed = SegmentEmbedding.parse(o);
        SegmentSchema schema = SegmentSchema.parse(o.getOrDefault("--schema", "bank"));
        int restarts = o.containsKey("--restarts") ? Main.positiveInt("--restarts", o.get("--restarts")) : 4;
        long seed = o.containsKey("--seed") ? ExampleOptions.parseSeed(o.get("--seed")) : 42;
        int top = o.containsKey("--top") ? Main.positiveInt("--top", o.get("--top")) : 3;
        int sample = o.containsKey("--silhouette-sample")
                ? Main.positiveInt("--silhouette-sample", o.get("--silhouette-sample")) : 3000;
        if (sample < 2) {
            throw new UsageException("--silhouette-sample must be at least 2, got " + sample);
        }
        Path data = ExampleOptions.path("--data", o.get("--data"));
        Path outFile = o.containsKey("--out") ? ExampleOptions.path("--out", o.get("--out")) : null;
        Path reportDir = o.containsKey("--report") ? ReportOption.directory(o.get("--report")) : null;

        Table table = schema.read(data);
        if (table.rowCount() < 3) {
            throw new IllegalArgumentException(data + ": holds " + table.rowCount() + " " + schema.rows
                    + "; segmenting needs at least 3");
        }
        Segmentation segmentation = new Segmentation(table, schema.numeric, schema.categorical, schema.outcome);
        Segmentation.Features features = segmentation.features();
        SegmentReport report = new SegmentReport(out, schema);
        report.header(data, table.rowCount(), features, embed.describe(), seed);
        double[][] embedding = embed.embed(features, seed, out);
        long start = System.nanoTime();
        Segmentation.Result result = segmentation.run(embedding, range[0], range[1],
                KMeans.of(range[0]).restarts(restarts), sample, seed, top);
        double seconds = (System.nanoTime() - start) / 1e9;

        report.curve(result, Math.min(sample, table.rowCount()), seconds);
        report.segments(result);
        if (outFile != null) {
            writeSegments(outFile, result);
            out.println("\nwrote every row's segment and map coordinates to " + outFile);
        }
        if (reportDir != null) {
            ReportOption.write(segmentPage(data, table.rowCount(), embed.describe(), result), reportDir, "segment", out);
        }
        return 0;
    }

    /** The report: the curve over k, the segments' sizes, outcome rates and profiles. */
    private static HtmlReport segmentPage(Path data, int rows, String embedding, Segmentation.Result result) {
        HtmlReport page = new HtmlReport("Segments of " + data.getFileName());
        page.meta(data + ": " + rows + " rows; embedding: " + embedding + "; k = " + result.chosen().k()
                + " (highest silhouette of the k tried)");
        for (String svg : SegmentFigures.elbow(result.curve())) {
            page.figure(svg, "Each k tried; the chosen k has the highest silhouette.");
        }
        page.figure(SegmentFigures.sizes(result.profiles(), "rows"), "Rows per segment.");
        if (result.profiles().stream().noneMatch(p -> Double.isNaN(p.outcomeRate()))) {
            page.figure(SegmentFigures.outcomeRates(result.profiles(), "outcome"), "The outcome's rate in each segment.");
        }
        page.figure(SegmentFigures.profiles(result.profiles()), "Each segment's most distinctive features.");
        return page;
    }

    private static int[] fixed(int k) {
        if (k < 2) {
            throw new UsageException("--k must be at least 2 (one segment has no silhouette), got " + k);
        }
        return new int[] {k, k};
    }

    /** {@code A..B} with 2 ≤ A ≤ B. */
    static int[] parseRange(String text) {
        String[] parts = text.split("\\.\\.", -1);
        if (parts.length == 2) {
            try {
                int from = Integer.parseInt(parts[0].strip());
                int to = Integer.parseInt(parts[1].strip());
                if (from >= 2 && to >= from) {
                    return new int[] {from, to};
                }
            } catch (NumberFormatException ignored) {
                // falls through to the explanation
            }
        }
        throw new UsageException("--k-range must be A..B with 2 ≤ A ≤ B (e.g. 2..10), got '" + text + "'");
    }

    private static void writeSegments(Path file, Segmentation.Result result) throws Exception {
        int[] labels = result.clustering().labels();
        double[][] map = result.map();
        AtomicFiles.write(file, stream -> {
            StringBuilder sb = new StringBuilder("row,segment,map_x,map_y\n");
            for (int r = 0; r < labels.length; r++) {
                sb.append(r + 1).append(',').append(labels[r] + 1).append(',')
                        .append(String.format(Locale.ROOT, "%.6g", map[r][0])).append(',')
                        .append(map[r].length > 1 ? String.format(Locale.ROOT, "%.6g", map[r][1]) : "0").append('\n');
            }
            stream.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        });
    }
}
