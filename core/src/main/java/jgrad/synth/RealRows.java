package jgrad.synth;

import jgrad.data.csv.Table;

/** A table's columns as the synthesizer and the report read them, refusing missing and non-finite values. */
final class RealRows {

    private RealRows() {
    }

    /** A numeric (or boolean) column as doubles; a missing or non-finite value is an error naming column and row. */
    static double[] numeric(Table table, String column) {
        double[] x = table.asDoubles(column);
        for (int r = 0; r < x.length; r++) {
            if (!Double.isFinite(x[r])) {
                throw new IllegalArgumentException(table.source() + ": column '" + column + "', row " + (r + 1) + ": "
                        + (Double.isNaN(x[r]) ? "a missing value (NaN)" : "an infinite value")
                        + "; the synthesizer needs every numeric value: impute or drop the row first");
            }
        }
        return x;
    }

    /** Any column's values as text (booleans as true/false); a missing value is an error naming column and row. */
    static String[] categories(Table table, String column) {
        String[] out = new String[table.rowCount()];
        for (int r = 0; r < out.length; r++) {
            out[r] = table.text(column, r);
            if (out[r] == null) {
                throw new IllegalArgumentException(table.source() + ": column '" + column + "', row " + (r + 1)
                        + ": a missing value; the synthesizer needs every category: fill it in or drop the row first");
            }
        }
        return out;
    }
}
