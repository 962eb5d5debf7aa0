package jgrad.examples;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.Locale;

import jgrad.backend.Backends;
import jgrad.data.csv.Table;
import jgrad.synth.ClosestRecords;
import jgrad.synth.Ctgan;
import jgrad.synth.QualityReport;
import jgrad.synth.TrainOnSynthetic;

/** What {@code ./jgrad synth} prints: its configuration, the losses, and the three parts of the report. */
final class SynthReport {

    private static final int EPOCH_LINES = 10;
    private static final int WORST_PAIRS = 5;

    private final PrintStream out;
    private int epochs;

    SynthReport(PrintStream out) {
        this.out = out;
    }

    void header(String data, Table train, Table test, Ctgan gan, Ctgan.Options o) {
        epochs = o.epochs();
        out.println("jgrad synth: synthetic bank clients from a conditional tabular GAN (CTGAN, WGAN-GP)");
        out.printf(Locale.ROOT, "data      %s: %d clients; seeded split (seed %d): %d to train on, %d held out%n", data,
                train.rowCount() + test.rowCount(), o.seed(), train.rowCount(), test.rowCount());
        out.printf(Locale.ROOT, "encoding  %d columns → %d numbers per row (mode-specific normalization, one-hot)%n",
                train.columnNames().size(), gan.encoding().width());
        out.printf(Locale.ROOT, "training  %d epochs, batch %d, noise %d, hidden %d, pac %d, Adam %.0e (0.5, 0.9),"
                + " λ %.0f, τ %.1f, backend %s%n%n", o.epochs(), o.batchSize(), o.noise(), o.hidden(), o.pac(),
                o.learningRate(), o.lambda(), o.temperature(), Backends.current().name());
    }

    void epoch(Ctgan.EpochLoss loss) {
        if (loss.epoch() == 1 || loss.epoch() == epochs || loss.epoch() % Math.max(1, epochs / EPOCH_LINES) == 0) {
            out.printf(Locale.ROOT, "epoch %4d  critic %9.4f  generator %9.4f%n", loss.epoch(), loss.critic(),
                    loss.generator());
        }
    }

    void quality(QualityReport q) {
        out.println("quality (against the training clients, as SDMetrics's quality report)");
        StringBuilder sb = new StringBuilder("  column shapes ");
        for (QualityReport.Score s : q.shapes()) {
            sb.append(String.format(Locale.ROOT, " %s %.3f", s.first(), s.score()));
        }
        out.println(sb);
        out.print("  worst pairs   ");
        q.trends().stream().sorted(Comparator.comparingDouble(QualityReport.Score::score)).limit(WORST_PAIRS)
                .forEach(s -> out.printf(Locale.ROOT, " %s×%s %.3f", s.first(), s.second(), s.score()));
        out.println();
        out.printf(Locale.ROOT, "  column shapes %.4f, pair trends %.4f (%d pairs%s), overall %.4f%n%n", q.columnShapes(),
                q.pairTrends(), q.trends().size(), q.undefinedPairs() > 0 ? ", " + q.undefinedPairs()
                        + " left out: a constant synthetic column" : "", q.overall());
    }

    void utility(TrainOnSynthetic.Utility u) {
        out.println("utility (the demo's classifier, scored on the held-out real clients)");
        out.printf(Locale.ROOT, "  trained on real AUC %.4f, trained on synthetic AUC %.4f, ratio %.3f%n%n", u.realAuc(),
                u.syntheticAuc(), u.ratio());
    }

    void privacy(ClosestRecords.Summary synthetic, ClosestRecords.Summary heldOut) {
        out.println("privacy (distance to the closest training client, mean per-column Gower distance)");
        line("synthetic", synthetic);
        line("held-out real", heldOut);
    }

    /** CTGAN's figures beside those of the independent-columns baseline. */
    void baseline(QualityReport q, TrainOnSynthetic.Utility u, ClosestRecords.Summary p, QualityReport bq,
                  TrainOnSynthetic.Utility bu, ClosestRecords.Summary bp) {
        out.println();
        out.println("against the baseline (every column drawn on its own from the training clients' values)");
        out.printf(Locale.ROOT, "  %-20s %8s %8s %8s %10s %8s %7s%n", "", "shapes", "pairs", "overall", "TSTR AUC",
                "DCR med", "copies");
        baselineLine("CTGAN", q, u, p);
        baselineLine("independent columns", bq, bu, bp);
    }

    private void baselineLine(String what, QualityReport q, TrainOnSynthetic.Utility u, ClosestRecords.Summary p) {
        out.printf(Locale.ROOT, "  %-20s %8.4f %8.4f %8.4f %10.4f %8.4f %7d%n", what, q.columnShapes(), q.pairTrends(),
                q.overall(), u.syntheticAuc(), p.median(), p.copies());
    }

    private void line(String what, ClosestRecords.Summary s) {
        out.printf(Locale.ROOT, "  %-14s median %.4f, 5th percentile %.4f, minimum %.4f; identical to a training row: %d of %d%n",
                what, s.median(), s.percentile5(), s.minimum(), s.copies(), s.rows());
    }
}
