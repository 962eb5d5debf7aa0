package jgrad.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jgrad.data.csv.Table;
import jgrad.metrics.CampaignAtBudget;
import jgrad.metrics.ClassificationMetrics;
import jgrad.metrics.ConfusionMatrix;

/** Prints a {@link CampaignAtBudget} on held-out clients: the metrics, per-segment results and the top prospects. */
final class CampaignReport {

    private static final int[] AGE_BANDS = {30, 40, 50, 60};
    private static final List<String> PROSPECT_COLUMNS = List.of("age", "job", "marital", "education", "contact",
            "month", "poutcome", "euribor3m");

    private final PrintStream out;

    CampaignReport(PrintStream out) {
        this.out = out;
    }

    /** The ranking's quality (ROC AUC, log loss), the campaign at its budget, and the classifier at threshold 0.5. */
    void metrics(CampaignAtBudget c, double[] probabilities, int[] labels) {
        double[] constant = new double[labels.length];
        Arrays.fill(constant, c.baseRate());
        ConfusionMatrix b = c.atBudget();
        ConfusionMatrix h = ConfusionMatrix.ofScores(probabilities, labels, 0.5);
        line("clients scored", "%d, of whom %d subscribed (base rate %.1f %%)", labels.length,
                b.truePositives() + b.falseNegatives(), 100 * c.baseRate());
        long positives = Arrays.stream(labels).filter(y -> y == 1).count();
        if (positives == 0 || positives == labels.length) {
            line("ROC AUC", "undefined: all %d clients %s, and a ranking needs both outcomes to be judged",
                    labels.length, positives == 0 ? "did not subscribe" : "subscribed");
        } else {
            line("ROC AUC", "%.4f  (0.5 is a random ranking)", ClassificationMetrics.rocAuc(probabilities, labels));
        }
        line("log loss", "%.4f  (predicting the base rate for everyone: %.4f)",
                ClassificationMetrics.logLoss(probabilities, labels),
                ClassificationMetrics.logLoss(constant, labels));
        line("campaign", "call the top %d %% = %d clients: %d subscribe (%.1f expected calling at random)",
                Math.round(100.0 * c.budget() / labels.length), c.budget(), b.truePositives(), c.randomHits());
        line("  at that budget", "precision %.3f, recall %.3f, lift %.2f× over random", b.precision(), b.recall(),
                c.lift());
        line("threshold 0.5", "precision %.3f, recall %.3f, F1 %.3f (%d predicted to subscribe)", h.precision(),
                h.recall(), h.f1(), h.truePositives() + h.falsePositives());
    }

    /** Per age band: clients, actual and predicted subscription rates, and how many the campaign calls. */
    void byAge(Table test, double[] probabilities, int[] labels, int[] called) {
        int[] ages = test.ints("age");
        String[] bands = new String[ages.length];
        for (int r = 0; r < ages.length; r++) {
            bands[r] = ageBand(ages[r]);
        }
        List<String> order = new ArrayList<>(List.of(ageBand(0)));
        for (int bound : AGE_BANDS) {
            order.add(ageBand(bound));
        }
        segments("age", bands, order, probabilities, labels, called);
    }

    /** Per outcome of the previous campaign (nonexistent, failure, success). */
    void byPreviousOutcome(Table test, double[] probabilities, int[] labels, int[] called) {
        segments("previous outcome", test.strings("poutcome"), List.of(), probabilities, labels, called);
    }

    /** One line per key, keys in the given order (others after it, alphabetically). */
    private void segments(String title, String[] keys, List<String> order, double[] p, int[] labels, int[] called) {
        boolean[] isCalled = new boolean[labels.length];
        for (int i : called) {
            isCalled[i] = true;
        }
        Comparator<String> byOrder = Comparator.comparingInt(k -> order.contains(k) ? order.indexOf(k) : order.size());
        Map<String, double[]> sums = new TreeMap<>(byOrder.thenComparing(Comparator.naturalOrder()));
        // per key: clients, subscribed, Σ p, called
        for (int r = 0; r < labels.length; r++) {
            double[] s = sums.computeIfAbsent(keys[r], k -> new double[4]);
            s[0]++;
            s[1] += labels[r];
            s[2] += p[r];
            s[3] += isCalled[r] ? 1 : 0;
        }
        out.printf(Locale.ROOT, "%n%-18s %8s %12s %15s %8s%n", "by " + title, "clients", "subscribed", "mean P(model)",
                "called");
        sums.forEach((key, s) -> out.printf(Locale.ROOT, "  %-16s %8d %11.1f%% %14.1f%% %8d%n", key, (long) s[0],
                100 * s[1] / s[0], 100 * s[2] / s[0], (long) s[3]));
    }

    /** The first {@code count} clients the campaign calls, with their features and predicted probability. */
    void topProspects(Table test, double[] probabilities, int[] labels, int[] called, int count) {
        int shown = Math.min(count, called.length);
        List<String> header = new ArrayList<>(List.of("rank", "P(subscribe)", "subscribed"));
        header.addAll(PROSPECT_COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < shown; k++) {
            int r = called[k];
            List<String> row = new ArrayList<>(List.of(String.valueOf(k + 1),
                    String.format(Locale.ROOT, "%.3f", probabilities[r]), labels[r] == 1 ? "yes" : "no"));
            PROSPECT_COLUMNS.forEach(c -> row.add(test.text(c, r)));
            rows.add(row);
        }
        out.printf(Locale.ROOT, "%ntop prospects: the clients called first (subscribed = what they actually did)%n");
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        printRow(header, widths);
        rows.forEach(row -> printRow(row, widths));
    }

    private void printRow(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder(" ");
        for (int c = 0; c < cells.size(); c++) {
            sb.append(' ').append(" ".repeat(widths[c] - cells.get(c).length())).append(cells.get(c));
        }
        out.println(sb);
    }

    static String ageBand(int age) {
        if (age < AGE_BANDS[0]) {
            return "under " + AGE_BANDS[0];
        }
        for (int i = 1; i < AGE_BANDS.length; i++) {
            if (age < AGE_BANDS[i]) {
                return AGE_BANDS[i - 1] + "–" + (AGE_BANDS[i] - 1);
            }
        }
        return AGE_BANDS[AGE_BANDS.length - 1] + " and over";
    }

    private void line(String label, String format, Object... args) {
        out.printf(Locale.ROOT, "%-18s %s%n", label, String.format(Locale.ROOT, format, args));
    }
}
