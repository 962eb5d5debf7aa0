package jgrad.data.csv;

import java.util.ArrayList;
import java.util.List;

/** Splits one line into fields following a {@link CsvFormat}: separator, quotes with doubled-quote escapes. */
final class FieldSplitter {

    private final char separator;
    private final char quote;
    private final boolean trim;

    FieldSplitter(CsvFormat format) {
        this.separator = format.separator();
        this.quote = format.quote();
        this.trim = format.trim();
    }

    List<String> split(String line) throws RowProblem {
        List<String> fields = new ArrayList<>();
        int pos = 0;
        while (true) {
            int start = skipSpacesIfTrimming(line, pos);
            if (quote != CsvFormat.NO_QUOTE && start < line.length() && line.charAt(start) == quote) {
                pos = readQuoted(line, start, fields);
            } else {
                pos = readPlain(line, pos, fields);
            }
            if (pos >= line.length()) {
                return fields;
            }
            pos++; // past the separator
            if (pos == line.length()) {
                fields.add("");
                return fields;
            }
        }
    }

    /** Reads an unquoted field from {@code pos}; returns the index of the separator or the line's end. */
    private int readPlain(String line, int pos, List<String> fields) {
        int end = line.indexOf(separator, pos);
        if (end < 0) {
            end = line.length();
        }
        String field = line.substring(pos, end);
        fields.add(trim ? field.strip() : field);
        return end;
    }

    /** Reads a quoted field whose opening quote is at {@code start}; returns the index after it. */
    private int readQuoted(String line, int start, List<String> fields) throws RowProblem {
        StringBuilder sb = new StringBuilder();
        int i = start + 1;
        while (true) {
            int q = line.indexOf(quote, i);
            if (q < 0) {
                throw new RowProblem("field " + (fields.size() + 1) + ": unterminated quote");
            }
            sb.append(line, i, q);
            if (q + 1 < line.length() && line.charAt(q + 1) == quote) {
                sb.append(quote);
                i = q + 2;
                continue;
            }
            int after = skipSpacesIfTrimming(line, q + 1);
            if (after < line.length() && line.charAt(after) != separator) {
                throw new RowProblem("field " + (fields.size() + 1) + ": text after the closing quote");
            }
            fields.add(trim ? sb.toString().strip() : sb.toString());
            return after;
        }
    }

    private int skipSpacesIfTrimming(String line, int pos) {
        if (!trim) {
            return pos;
        }
        while (pos < line.length() && line.charAt(pos) == ' ' && line.charAt(pos) != separator) {
            pos++;
        }
        return pos;
    }
}
