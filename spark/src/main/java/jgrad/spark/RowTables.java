package jgrad.spark;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.spark.sql.Row;

import jgrad.data.BadRows;
import jgrad.data.csv.Column;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/**
 * Spark rows as a jgrad {@link Table} of a declared schema. The rows' values are written out as CSV text in
 * the scorer's dialect and read back by jgrad's {@link CsvReader}, so a row from Spark is checked and parsed
 * exactly as the same row in a file: the same types, ranges and missing markers, and an error that names the
 * row and column. Text columns (a CSV read by Spark without a schema) pass through unchanged; numbers are
 * written with Java's shortest round-trip form, so a double survives the trip bit for bit.
 */
public final class RowTables {

    private RowTables() {
    }

    /**
     * The batch as a table of {@code schema}; {@code positions[c]} is where column c of the schema sits in a
     * row; {@code where} names the batch in error messages (e.g. "partition 3, rows 1025-1536").
     */
    public static Table of(List<Row> rows, int[] positions, Schema schema, CsvFormat format, String where) {
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < schema.size(); c++) {
            format.appendField(csv, c, schema.column(c).name());
        }
        csv.append('\n');
        for (Row row : rows) {
            for (int c = 0; c < positions.length; c++) {
                Object value = row.get(positions[c]);
                format.appendField(csv, c, value == null ? "" : text(value));
            }
            csv.append('\n');
        }
        try {
            return new CsvReader(format.withHeader(true), schema).read(new StringReader(csv.toString()), where,
                    BadRows.failFast());
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringReader does not fail
        }
    }

    /** Where each column of {@code schema} sits among {@code fieldNames}; a missing column is an error naming it. */
    public static int[] positions(Schema schema, List<String> fieldNames, String what) {
        int[] positions = new int[schema.size()];
        for (int c = 0; c < schema.size(); c++) {
            Column column = schema.column(c);
            positions[c] = fieldNames.indexOf(column.name());
            if (positions[c] < 0) {
                throw new IllegalArgumentException(what + " has no column '" + column.name()
                        + "', which the model's preprocessing needs (it has " + fieldNames + ")");
            }
        }
        return positions;
    }

    private static String text(Object value) {
        String s = String.valueOf(value);
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a value holds a line break: '" + s + "'");
        }
        return s;
    }
}
