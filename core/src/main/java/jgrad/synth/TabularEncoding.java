package jgrad.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/**
 * Rows of a table as the GAN's vectors and back (CTGAN §4.2). Each numeric column becomes its mode-specific
 * normalization ({@link ModeNormalizer}): a tanh span holding α and a softmax span holding the mode; each
 * categorical column a softmax span holding its one-hot category. Columns come in the order given, numeric
 * first. Decoding takes each softmax span's largest entry and x = μ_k + 4 σ_k α, then rounds x to the number
 * of decimals the column's training values have (at most 6) and clips it to their [min, max], as SDV does.
 */
public final class TabularEncoding {

    /** At most this many modes per numeric column (CTGAN's default). */
    public static final int MAX_MODES = 10;
    private static final int MAX_DECIMALS = 6;

    private record NumericColumn(Column column, ModeNormalizer modes, double min, double max, int decimals,
                                 Span offset, Span mode) {
    }

    private record CategoricalColumn(Column column, List<String> categories, Map<String, Integer> ids, Span span) {
    }

    private final Schema source;
    private final List<NumericColumn> numeric;
    private final List<CategoricalColumn> categorical;
    private final List<Span> spans;
    private final int width;

    private TabularEncoding(Schema source, List<NumericColumn> numeric, List<CategoricalColumn> categorical,
                            List<Span> spans, int width) {
        this.source = source;
        this.numeric = numeric;
        this.categorical = categorical;
        this.spans = spans;
        this.width = width;
    }

    /** Fits the transforms on the rows of {@code table}; every column must have at least two distinct values. */
    public static TabularEncoding fit(Table table, List<String> numericColumns, List<String> categoricalColumns) {
        if (table.rowCount() < 2) {
            throw new IllegalArgumentException(table.source() + ": holds " + table.rowCount()
                    + " rows; a synthesizer needs at least 2");
        }
        List<Span> spans = new ArrayList<>();
        int at = 0;
        List<NumericColumn> numeric = new ArrayList<>();
        for (String name : numericColumns) {
            double[] x = RealRows.numeric(table, name);
            double min = java.util.Arrays.stream(x).min().orElseThrow();
            double max = java.util.Arrays.stream(x).max().orElseThrow();
            if (min == max) {
                throw new IllegalArgumentException(table.source() + ": column '" + name + "' is constant (every row is "
                        + min + "); there is nothing to learn: leave it out");
            }
            int decimals = decimals(x);
            double minSigma = decimals >= 0 ? 0.1 * Math.pow(10, -decimals) : 1e-6 * (max - min);
            ModeNormalizer modes = ModeNormalizer.fit(x, MAX_MODES, minSigma);
            Span offset = new Span(Span.Kind.TANH, at, 1);
            Span mode = new Span(Span.Kind.SOFTMAX, at + 1, modes.modes());
            at = mode.end();
            spans.add(offset);
            spans.add(mode);
            numeric.add(new NumericColumn(columnOf(table, name), modes, min, max, decimals, offset, mode));
        }
        List<CategoricalColumn> categorical = new ArrayList<>();
        for (String name : categoricalColumns) {
            List<String> categories = List.copyOf(new java.util.TreeSet<>(List.of(RealRows.categories(table, name))));
            if (categories.size() < 2) {
                throw new IllegalArgumentException(table.source() + ": column '" + name + "' is constant (every row is '"
                        + categories.getFirst() + "'); there is nothing to learn: leave it out");
            }
            Map<String, Integer> ids = new TreeMap<>();
            for (int i = 0; i < categories.size(); i++) {
                ids.put(categories.get(i), i);
            }
            Span span = new Span(Span.Kind.SOFTMAX, at, categories.size());
            at = span.end();
            spans.add(span);
            categorical.add(new CategoricalColumn(columnOf(table, name), categories, ids, span));
        }
        return new TabularEncoding(table.schema(), numeric, categorical, List.copyOf(spans), at);
    }

    private static Column columnOf(Table table, String name) {
        return table.schema().column(table.schema().indexOf(name));
    }

    /** The fewest decimals d ≤ 6 with every x · 10^d whole, or −1 when there is none. */
    static int decimals(double[] x) {
        for (int d = 0; d <= MAX_DECIMALS; d++) {
            double scale = Math.pow(10, d);
            boolean whole = true;
            for (double v : x) {
                double s = v * scale;
                if (Math.abs(s - Math.rint(s)) > 1e-9 * Math.max(1, Math.abs(s))) {
                    whole = false;
                    break;
                }
            }
            if (whole) {
                return d;
            }
        }
        return -1;
    }

    /** The width of an encoded row. */
    public int width() {
        return width;
    }

    public List<Span> spans() {
        return spans;
    }

    /** The number of categorical columns, in the order given at fit time. */
    public int categoricalCount() {
        return categorical.size();
    }

    /** Column j's categorical span. */
    public Span categoricalSpan(int j) {
        return categorical.get(j).span();
    }

    /** Column j's categorical id of every row of the table (a category not seen at fit time is an error). */
    public int[] categoryIds(Table table, int j) {
        CategoricalColumn c = categorical.get(j);
        String[] values = RealRows.categories(table, c.column().name());
        int[] ids = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            Integer id = c.ids().get(values[r]);
            if (id == null) {
                throw new IllegalArgumentException(table.source() + ": column '" + c.column().name() + "', row " + (r + 1)
                        + ": category '" + values[r] + "' was not seen in training (known: " + c.categories() + ")");
            }
            ids[r] = id;
        }
        return ids;
    }

    /** The id of {@code category} in categorical column {@code column}, or an error naming both. */
    public int categoryId(String column, String category) {
        for (CategoricalColumn c : categorical) {
            if (c.column().name().equals(column)) {
                Integer id = c.ids().get(category);
                if (id == null) {
                    throw new IllegalArgumentException("column '" + column + "': category '" + category
                            + "' was not seen in training (known: " + c.categories() + ")");
                }
                return id;
            }
        }
        throw new IllegalArgumentException("'" + column + "' is not a categorical column of the synthesizer");
    }

    /** The index of a categorical column by name. */
    public int categoricalIndex(String column) {
        for (int j = 0; j < categorical.size(); j++) {
            if (categorical.get(j).column().name().equals(column)) {
                return j;
            }
        }
        throw new IllegalArgumentException("'" + column + "' is not a categorical column of the synthesizer");
    }

    /** Every row of the table as an encoded vector [rows][width]. */
    public double[][] encode(Table table) {
        double[][] rows = new double[table.rowCount()][width];
        for (NumericColumn c : numeric) {
            double[] x = RealRows.numeric(table, c.column().name());
            for (int r = 0; r < x.length; r++) {
                int k = c.modes().modeOf(x[r]);
                rows[r][c.offset().start()] = c.modes().offset(x[r], k);
                rows[r][c.mode().start() + k] = 1;
            }
        }
        for (int j = 0; j < categorical.size(); j++) {
            int[] ids = categoryIds(table, j);
            int start = categorical.get(j).span().start();
            for (int r = 0; r < ids.length; r++) {
                rows[r][start + ids[r]] = 1;
            }
        }
        return rows;
    }

    /** Encoded rows back to a table with the fitted columns, in their order in the source table's schema. */
    public Table decode(double[][] rows, String name) {
        List<Column> columns = new ArrayList<>();
        for (Column c : source.columns()) {
            if (numeric.stream().anyMatch(n -> n.column().equals(c)) || categorical.stream().anyMatch(k -> k.column().equals(c))) {
                columns.add(c);
            }
        }
        String[][] text = new String[columns.size()][rows.length];
        for (NumericColumn c : numeric) {
            String[] out = text[columns.indexOf(c.column())];
            for (int r = 0; r < rows.length; r++) {
                out[r] = format(c, value(c, rows[r]));
            }
        }
        for (CategoricalColumn c : categorical) {
            String[] out = text[columns.indexOf(c.column())];
            for (int r = 0; r < rows.length; r++) {
                out[r] = c.categories().get(argmax(rows[r], c.span()));
            }
        }
        return CsvText.read(new Schema(columns), text, name);
    }

    private static double value(NumericColumn c, double[] row) {
        double x = c.modes().value(argmax(row, c.mode()), row[c.offset().start()]);
        if (c.decimals() >= 0) {
            double scale = Math.pow(10, c.decimals());
            x = Math.rint(x * scale) / scale;
        }
        return Math.clamp(x, c.min(), c.max());
    }

    private static String format(NumericColumn c, double x) {
        if (c.column().type() == ColumnType.INT || c.column().type() == ColumnType.LONG) {
            return Long.toString(Math.round(x));
        }
        return c.decimals() >= 0 ? String.format(java.util.Locale.ROOT, "%." + c.decimals() + "f", x) : Double.toString(x);
    }

    static int argmax(double[] row, Span span) {
        int best = 0;
        for (int i = 1; i < span.width(); i++) {
            best = row[span.start() + i] > row[span.start() + best] ? i : best;
        }
        return best;
    }
}
