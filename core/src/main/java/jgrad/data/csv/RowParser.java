package jgrad.data.csv;

import java.util.List;

/**
 * Turns the fields of one row into column values. The whole row is parsed before any column is
 * appended, so a bad field never leaves a half-written row behind.
 */
final class RowParser {

    private final Schema schema;
    private final CsvFormat format;
    private final int[] positions;
    private final int expectedFields;
    private final boolean[] isMissing;
    private final double[] numbers;
    private final long[] integers;
    private final String[] texts;

    RowParser(Schema schema, CsvFormat format, int[] positions) {
        this(schema, format, positions, schema.size());
    }

    RowParser(Schema schema, CsvFormat format, int[] positions, int expectedFields) {
        this.schema = schema;
        this.format = format;
        this.positions = positions;
        this.expectedFields = expectedFields;
        int n = schema.size();
        this.isMissing = new boolean[n];
        this.numbers = new double[n];
        this.integers = new long[n];
        this.texts = new String[n];
    }

    void parseInto(List<String> fields, ColumnBuffer[] buffers) throws RowProblem {
        if (fields.size() != expectedFields) {
            throw new RowProblem("expected " + expectedFields + " fields, found " + fields.size());
        }
        for (int c = 0; c < positions.length; c++) {
            parseField(c, fields.get(positions[c]));
        }
        for (int c = 0; c < positions.length; c++) {
            buffers[c].add(isMissing[c], numbers[c], integers[c], texts[c]);
        }
    }

    private void parseField(int c, String text) throws RowProblem {
        Column column = schema.column(c);
        isMissing[c] = format.missingMarkers().contains(text);
        numbers[c] = 0;
        integers[c] = 0;
        texts[c] = text;
        if (isMissing[c]) {
            return;
        }
        switch (column.type()) {
            case INT, LONG -> integers[c] = FieldParser.parseInteger(column, text);
            case DOUBLE -> numbers[c] = FieldParser.parseDouble(column, text);
            case BOOLEAN -> integers[c] = FieldParser.parseBoolean(column, text) ? 1 : 0;
            case STRING -> { }
        }
    }
}
