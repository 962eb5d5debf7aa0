package jgrad.synth;

import java.util.random.RandomGenerator;

import jgrad.data.csv.Table;

/**
 * CTGAN's conditional vector and training-by-sampling (§4.3). The vector c is the concatenation of one block per
 * categorical column, all zero except a 1 at one chosen category. For training, the column is drawn uniformly and
 * its category with probability ∝ log(1 + count), so that rare categories are seen far more often than their
 * frequency; then a real row holding that category is drawn uniformly. For sampling, the category is drawn with
 * its real frequency, so that the synthetic rows keep the real proportions.
 */
public final class ConditionalSampler {

    /** One batch's conditions: the vector c [n][width], and which column j and category each row chose. */
    public record Conditions(double[][] vectors, int[] columns, int[] categories) {
    }

    private final int[] blockStart;
    private final int width;
    private final double[][] logFrequency;
    private final double[][] frequency;
    private final int[][][] rowsByCategory;

    /** Counts the categories of the encoding's categorical columns in the training table. */
    public ConditionalSampler(TabularEncoding encoding, Table table) {
        int columns = encoding.categoricalCount();
        if (columns == 0) {
            throw new IllegalArgumentException("the conditional vector needs at least one categorical column");
        }
        blockStart = new int[columns];
        logFrequency = new double[columns][];
        frequency = new double[columns][];
        rowsByCategory = new int[columns][][];
        int at = 0;
        for (int j = 0; j < columns; j++) {
            int categories = encoding.categoricalSpan(j).width();
            blockStart[j] = at;
            at += categories;
            int[] ids = encoding.categoryIds(table, j);
            int[] counts = new int[categories];
            for (int id : ids) {
                counts[id]++;
            }
            logFrequency[j] = new double[categories];
            frequency[j] = new double[categories];
            rowsByCategory[j] = new int[categories][];
            for (int c = 0; c < categories; c++) {
                logFrequency[j][c] = Math.log1p(counts[c]);
                frequency[j][c] = counts[c];
                rowsByCategory[j][c] = new int[counts[c]];
            }
            int[] filled = new int[categories];
            for (int r = 0; r < ids.length; r++) {
                rowsByCategory[j][ids[r]][filled[ids[r]]++] = r;
            }
        }
        width = at;
    }

    /** The width of the conditional vector: the number of categories over all categorical columns. */
    public int width() {
        return width;
    }

    /** n training conditions: column uniform, category ∝ log(1 + count). */
    public Conditions training(int n, RandomGenerator random) {
        return draw(n, logFrequency, random);
    }

    /** n sampling conditions: column uniform, category ∝ count. */
    public Conditions original(int n, RandomGenerator random) {
        return draw(n, frequency, random);
    }

    /** n conditions that all choose category {@code category} of categorical column {@code column}. */
    public Conditions fixed(int n, int column, int category) {
        double[][] vectors = new double[n][width];
        int[] columns = new int[n];
        int[] categories = new int[n];
        for (int i = 0; i < n; i++) {
            columns[i] = column;
            categories[i] = category;
            vectors[i][blockStart[column] + category] = 1;
        }
        return new Conditions(vectors, columns, categories);
    }

    /** For each condition, a training row holding its category, drawn uniformly. */
    public int[] realRows(Conditions conditions, RandomGenerator random) {
        int[] rows = new int[conditions.columns().length];
        for (int i = 0; i < rows.length; i++) {
            int[] holding = rowsByCategory[conditions.columns()[i]][conditions.categories()[i]];
            rows[i] = holding[random.nextInt(holding.length)];
        }
        return rows;
    }

    private Conditions draw(int n, double[][] weights, RandomGenerator random) {
        double[][] vectors = new double[n][width];
        int[] columns = new int[n];
        int[] categories = new int[n];
        for (int i = 0; i < n; i++) {
            int j = random.nextInt(blockStart.length);
            int c = pick(weights[j], random);
            columns[i] = j;
            categories[i] = c;
            vectors[i][blockStart[j] + c] = 1;
        }
        return new Conditions(vectors, columns, categories);
    }

    /** An index drawn with probability ∝ w. */
    static int pick(double[] w, RandomGenerator random) {
        double total = 0;
        for (double v : w) {
            total += v;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < w.length; i++) {
            u -= w[i];
            if (u < 0) {
                return i;
            }
        }
        return w.length - 1;
    }
}
