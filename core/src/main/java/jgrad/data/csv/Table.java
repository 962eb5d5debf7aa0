package jgrad.data.csv;

import java.lang.reflect.Array;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Columns read from a file, by name, as primitive arrays. A missing value is NaN in a double column,
 * null in a string column, 0 / false in int, long and boolean columns; {@link #isMissing} tells them
 * apart from real zeros. Accessors return copies, so a table never changes once built.
 */
public final class Table {

    private final String source;
    private final Schema schema;
    private final Object[] values;
    private final BitSet[] missing;
    private final int rowCount;

    Table(String source, Schema schema, Object[] values, BitSet[] missing) {
        this.source = Objects.requireNonNull(source);
        this.schema = schema;
        this.values = values;
        this.missing = missing;
        this.rowCount = Array.getLength(values[0]);
    }

    /** The file (or name) the table was read from. */
    public String source() {
        return source;
    }

    public Schema schema() {
        return schema;
    }

    public int rowCount() {
        return rowCount;
    }

    public List<String> columnNames() {
        return schema.names();
    }

    public int[] ints(String column) {
        return ((int[]) typed(column, ColumnType.INT)).clone();
    }

    public long[] longs(String column) {
        return ((long[]) typed(column, ColumnType.LONG)).clone();
    }

    public double[] doubles(String column) {
        return ((double[]) typed(column, ColumnType.DOUBLE)).clone();
    }

    public String[] strings(String column) {
        return ((String[]) typed(column, ColumnType.STRING)).clone();
    }

    public boolean[] booleans(String column) {
        return ((boolean[]) typed(column, ColumnType.BOOLEAN)).clone();
    }

    /**
     * Any numeric or boolean column as doubles (true = 1), with NaN where the value is missing:
     * the form the preprocessing transforms take.
     */
    public double[] asDoubles(String column) {
        int c = schema.indexOf(column);
        double[] out = new double[rowCount];
        Object v = values[c];
        for (int r = 0; r < rowCount; r++) {
            out[r] = missing[c].get(r) ? Double.NaN : switch (v) {
                case int[] a -> a[r];
                case long[] a -> a[r];
                case double[] a -> a[r];
                case boolean[] a -> a[r] ? 1 : 0;
                default -> throw new IllegalArgumentException("column '" + column + "' is text, not numeric");
            };
        }
        return out;
    }

    public boolean isMissing(String column, int row) {
        Objects.checkIndex(row, rowCount);
        return missing[schema.indexOf(column)].get(row);
    }

    public int missingCount(String column) {
        return missing[schema.indexOf(column)].cardinality();
    }

    /** A new table with the given rows, in the given order (rows may repeat). */
    public Table select(int[] rows) {
        Object[] picked = new Object[values.length];
        BitSet[] pickedMissing = new BitSet[values.length];
        for (int c = 0; c < values.length; c++) {
            Object column = Array.newInstance(values[c].getClass().componentType(), rows.length);
            pickedMissing[c] = new BitSet();
            for (int i = 0; i < rows.length; i++) {
                Objects.checkIndex(rows[i], rowCount);
                Array.set(column, i, Array.get(values[c], rows[i]));
                pickedMissing[c].set(i, missing[c].get(rows[i]));
            }
            picked[c] = column;
        }
        return new Table(source, schema, picked, pickedMissing);
    }

    /** The value at (row, column) as text, for messages and duplicate detection; null when missing. */
    public String text(String column, int row) {
        int c = schema.indexOf(column);
        Objects.checkIndex(row, rowCount);
        return missing[c].get(row) ? null : String.valueOf(Array.get(values[c], row));
    }

    private Object typed(String column, ColumnType expected) {
        int c = schema.indexOf(column);
        ColumnType actual = schema.column(c).type();
        if (actual != expected) {
            throw new IllegalArgumentException("column '" + column + "' is " + actual + ", not " + expected);
        }
        return values[c];
    }
}
