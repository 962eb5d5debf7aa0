package jgrad.bandit;

import java.util.List;

import jgrad.data.csv.Table;

/**
 * Hillstrom's e-mail experiment (MineThatData 2008; read with {@code MarketingData.hillstrom}) as feature vectors:
 * <pre>
 *   x = [1, (recency − 6)/3.5, ln(1 + history) − 5, mens, womens, newbie,
 *        zip Urban, zip Rural, channel Web, channel Multichannel]        (Surburban and Phone are the baselines)
 * </pre>
 * with each customer's arm (0 No E-Mail, 1 Mens E-Mail, 2 Womens E-Mail) and 0/1 outcome.
 */
public record HillstromCustomers(double[][] features, int[] arms, double[] outcomes) {

    /** The experiment's arms, in the order of {@link #arms()}. */
    public static final List<String> ARMS = List.of("No E-Mail", "Mens E-Mail", "Womens E-Mail");

    /** The names of the features, in order. */
    public static final List<String> FEATURES = List.of("intercept", "recency", "log history", "mens", "womens", "newbie",
            "urban", "rural", "web", "multichannel");

    /** Reads the customers of {@code table}; {@code target} is {@code visit} or {@code conversion}. */
    public static HillstromCustomers of(Table table, String target) {
        if (!target.equals("visit") && !target.equals("conversion")) {
            throw new IllegalArgumentException("the Hillstrom target is visit or conversion, got '" + target + "'");
        }
        int n = table.rowCount();
        int[] recency = table.ints("recency");
        double[] history = table.doubles("history");
        boolean[] mens = table.booleans("mens");
        boolean[] womens = table.booleans("womens");
        boolean[] newbie = table.booleans("newbie");
        String[] zip = table.strings("zip_code");
        String[] channel = table.strings("channel");
        String[] segment = table.strings("segment");
        boolean[] outcome = table.booleans(target);
        double[][] x = new double[n][];
        int[] arms = new int[n];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            x[r] = new double[] {1, (recency[r] - 6) / 3.5, Math.log1p(history[r]) - 5, bit(mens[r]), bit(womens[r]),
                bit(newbie[r]), bit("Urban".equals(zip[r])), bit("Rural".equals(zip[r])), bit("Web".equals(channel[r])),
                bit("Multichannel".equals(channel[r]))};
            arms[r] = ARMS.indexOf(segment[r]);
            if (arms[r] < 0) {
                throw new IllegalArgumentException(table.source() + ": data row " + (r + 1) + ": segment '" + segment[r]
                        + "' is none of " + ARMS);
            }
            y[r] = bit(outcome[r]);
        }
        return new HillstromCustomers(x, arms, y);
    }

    private static double bit(boolean b) {
        return b ? 1 : 0;
    }
}
