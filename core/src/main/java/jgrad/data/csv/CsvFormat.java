package jgrad.data.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * How a delimited text file is written.
 *
 * @param separator      field separator, e.g. {@code ','}, {@code ';'}, {@code '\t'}, {@code '|'}
 * @param quote          quote character ({@code '"'}), or {@link #NO_QUOTE} when quotes are plain text;
 *                       inside a quoted field a doubled quote stands for one quote; fields cannot span lines
 * @param header         whether the first line names the columns
 * @param missingMarkers field values (after unquoting and trimming) that mean "missing", e.g. {@code ""}, {@code "NA"}
 * @param charset        text encoding; MovieLens 100K is ISO-8859-1
 * @param trim           strip leading and trailing spaces of each field (census data has leading spaces)
 */
public record CsvFormat(char separator, char quote, boolean header, Set<String> missingMarkers,
                        Charset charset, boolean trim) {

    /** Quote character value meaning "no quoting". */
    public static final char NO_QUOTE = '\0';

    public CsvFormat {
        missingMarkers = Set.copyOf(missingMarkers);
        Objects.requireNonNull(charset, "charset");
        if (separator == quote) {
            throw new IllegalArgumentException("separator and quote must differ");
        }
        if (separator == '\n' || separator == '\r') {
            throw new IllegalArgumentException("a line break cannot separate fields");
        }
    }

    /**
     * Appends field {@code index} of a row (0 = the first: no separator before it) in this dialect: quoted, quotes
     * doubled, when the dialect quotes, so a separator inside a value stays inside; an empty value stays empty.
     */
    public void appendField(StringBuilder row, int index, String value) {
        if (index > 0) {
            row.append(separator);
        }
        if (quote == NO_QUOTE || value.isEmpty()) {
            row.append(value);
            return;
        }
        String q = String.valueOf(quote);
        row.append(q).append(value.replace(q, q + q)).append(q);
    }

    /** RFC 4180 CSV: comma, double quotes, a header row, UTF-8, no missing markers. */
    public static CsvFormat csv() {
        return new CsvFormat(',', '"', true, Set.of(), StandardCharsets.UTF_8, false);
    }

    public CsvFormat withSeparator(char newSeparator) {
        return new CsvFormat(newSeparator, quote, header, missingMarkers, charset, trim);
    }

    public CsvFormat withQuote(char newQuote) {
        return new CsvFormat(separator, newQuote, header, missingMarkers, charset, trim);
    }

    public CsvFormat withHeader(boolean hasHeader) {
        return new CsvFormat(separator, quote, hasHeader, missingMarkers, charset, trim);
    }

    public CsvFormat withMissing(String... markers) {
        return new CsvFormat(separator, quote, header, Set.of(markers), charset, trim);
    }

    public CsvFormat withCharset(Charset newCharset) {
        return new CsvFormat(separator, quote, header, missingMarkers, newCharset, trim);
    }

    public CsvFormat withTrim(boolean trimFields) {
        return new CsvFormat(separator, quote, header, missingMarkers, charset, trimFields);
    }
}
