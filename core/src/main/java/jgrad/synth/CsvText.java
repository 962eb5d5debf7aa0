package jgrad.synth;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

import jgrad.data.BadRows;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/**
 * Tables as CSV text: text columns become a {@link Table} through the schema's own parser (so a synthetic
 * table obeys the same types and ranges as a file read from disk), and a table becomes text with any
 * separator, text columns quoted.
 */
public final class CsvText {

    private CsvText() {
    }

    /** A table from text values [column][row] under the schema. */
    static Table read(Schema schema, String[][] columns, String name) {
        CsvFormat format = CsvFormat.csv();
        String text = write(schema, columns, format.separator());
        try {
            return new CsvReader(format, schema).read(new StringReader(text), name, BadRows.failFast());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table as CSV text: a header, one line per row, strings in double quotes. */
    public static String write(Table table, char separator) {
        Schema schema = table.schema();
        String[][] columns = new String[schema.size()][table.rowCount()];
        for (int c = 0; c < schema.size(); c++) {
            for (int r = 0; r < table.rowCount(); r++) {
                columns[c][r] = table.text(schema.column(c).name(), r);
            }
        }
        return write(schema, columns, separator);
    }

    private static String write(Schema schema, String[][] columns, char separator) {
        StringBuilder sb = new StringBuilder();
        List<Column> list = schema.columns();
        for (int c = 0; c < list.size(); c++) {
            sb.append(c > 0 ? String.valueOf(separator) : "").append(quote(list.get(c).name()));
        }
        sb.append('\n');
        int rows = columns.length == 0 ? 0 : columns[0].length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < list.size(); c++) {
                String v = columns[c][r] == null ? "" : columns[c][r];
                sb.append(c > 0 ? String.valueOf(separator) : "")
                        .append(list.get(c).type() == ColumnType.STRING ? quote(v) : v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
