package jgrad.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Training progress, one line per epoch. Live (on a terminal): the line is redrawn with a bar,
 * the running loss, the elapsed time and the ETA while the epoch runs, at most ten times a second.
 * Plain (a file, a pipe, a test): the line is printed once, when the epoch ends.
 */
final class Progress {

    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean live;
    private final boolean silent;
    private final int epochs;
    private int epoch;
    private int steps;
    private long start;
    private long lastDraw;

    Progress(PrintStream out, boolean live, int verbose, int epochs) {
        this.out = out;
        this.live = live;
        this.silent = verbose == 0;
        this.epochs = epochs;
    }

    void epochBegin(int epoch, int steps) {
        this.epoch = epoch;
        this.steps = steps;
        this.start = System.nanoTime();
        this.lastDraw = 0;
    }

    void batchEnd(int step, Map<String, Double> running) {
        long now = System.nanoTime();
        if (silent || !live || (now - lastDraw < REDRAW_NANOS && step < steps)) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - start) / 1e9;
        double eta = step == 0 ? 0 : elapsed / step * (steps - step);
        out.print("\r" + head(step) + " " + bar(step) + String.format(Locale.ROOT, " %.1fs ETA %.1fs", elapsed, eta)
                + values(running) + "   ");
        out.flush();
    }

    void epochEnd(Map<String, Double> logs) {
        if (silent) {
            return;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        String line = head(steps) + (live ? " " + bar(steps) : "") + String.format(Locale.ROOT, " %.1fs", elapsed)
                + values(logs);
        out.println(live ? "\r" + line + "          " : line);
        out.flush();
    }

    private String head(int step) {
        return "Epoch " + (epoch + 1) + "/" + epochs + " " + step + "/" + steps;
    }

    private String bar(int step) {
        int filled = steps == 0 ? BAR : (int) ((long) BAR * step / steps);
        return "[" + "=".repeat(filled) + (filled < BAR ? ">" + ".".repeat(BAR - filled - 1) : "") + "]";
    }

    private static String values(Map<String, Double> logs) {
        StringBuilder sb = new StringBuilder();
        logs.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " - %s: %.4g", k, v)));
        return sb.toString();
    }
}
