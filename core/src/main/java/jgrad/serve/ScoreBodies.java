package jgrad.serve;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import jgrad.data.BadRows;
import jgrad.data.MalformedDataException;
import jgrad.data.csv.Column;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Table;
import jgrad.io.Json;

/**
 * The rows of a {@code POST /score} body, as a table of the scorer's schema. A CSV body ({@code text/csv}) is
 * read as it is; a JSON body ({@code application/json}: an array of objects, or {@code {"rows": [...]}}) is
 * written out as CSV in the scorer's dialect and read the same way, so both are checked by one reader: a
 * missing column, a bad number or an out-of-range value is a 400 naming the row and column.
 */
final class ScoreBodies {

    private ScoreBodies() {
    }

    static Table parse(String contentType, byte[] body, RowScorer scorer) {
        String text = utf8(body);
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        CsvFormat format = scorer.format().withHeader(true);
        if (type.startsWith("text/csv")) {
            return read(format, scorer, text, "the CSV body");
        }
        if (type.startsWith("application/json")) {
            return read(format, scorer, jsonAsCsv(text, scorer, format), "the JSON rows (line n+1 is row n)");
        }
        throw new ApiException(415, "Content-Type must be application/json or text/csv, got '"
                + Requests.abbreviate(contentType == null ? "" : contentType) + "'");
    }

    private static Table read(CsvFormat format, RowScorer scorer, String csv, String name) {
        Table rows;
        try {
            rows = new CsvReader(format, scorer.schema()).read(new StringReader(csv), name, BadRows.failFast());
        } catch (MalformedDataException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringReader does not fail
        }
        if (rows.rowCount() == 0) {
            throw ApiException.badRequest(name + " holds no rows to score");
        }
        return rows;
    }

    private static String jsonAsCsv(String text, RowScorer scorer, CsvFormat format) {
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getMessage());
        }
        if (parsed instanceof Map<?, ?> object && object.containsKey("rows")) {
            parsed = object.get("rows");
        }
        if (!(parsed instanceof List<?> rows)) {
            throw ApiException.badRequest("the JSON body must be an array of row objects, or {\"rows\": [...]}");
        }
        List<Column> columns = scorer.schema().columns();
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            format.appendField(csv, c, columns.get(c).name());
        }
        csv.append('\n');
        for (int r = 0; r < rows.size(); r++) {
            if (!(rows.get(r) instanceof Map<?, ?> row)) {
                throw ApiException.badRequest("JSON row " + (r + 1) + " is not an object");
            }
            for (int c = 0; c < columns.size(); c++) {
                String column = columns.get(c).name();
                if (!row.containsKey(column)) {
                    throw ApiException.badRequest("JSON row " + (r + 1) + " has no '" + column + "'");
                }
                Object value = row.get(column);
                if (value instanceof Map || value instanceof List) {
                    throw ApiException.badRequest("JSON row " + (r + 1) + ", '" + column + "': a value must be a"
                            + " string, number, boolean or null");
                }
                String cell = value == null ? "" : jsonScalar(value);
                if (cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                    throw ApiException.badRequest("JSON row " + (r + 1) + ", '" + column + "': a value may not hold"
                            + " a line break");
                }
                format.appendField(csv, c, cell);
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String jsonScalar(Object value) {
        return value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue())
                : String.valueOf(value);
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("the body is not UTF-8 text");
        }
    }
}
