package jgrad.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CsvFormatTest {

    /** RFC 4180: a, "b,c", "say ""hi""", an empty field left empty; without quoting the text goes as it is. */
    @Test
    void fieldsAreQuotedWithQuotesDoubledWhenTheDialectQuotes() {
        StringBuilder row = new StringBuilder();
        CsvFormat csv = CsvFormat.csv();
        csv.appendField(row, 0, "a");
        csv.appendField(row, 1, "b,c");
        csv.appendField(row, 2, "say \"hi\"");
        csv.appendField(row, 3, "");
        assertEquals("\"a\",\"b,c\",\"say \"\"hi\"\"\",", row.toString());
        StringBuilder plain = new StringBuilder();
        CsvFormat semicolons = new CsvFormat(';', CsvFormat.NO_QUOTE, true, Set.of(), StandardCharsets.UTF_8, false);
        semicolons.appendField(plain, 0, "x\"y");
        semicolons.appendField(plain, 1, "z");
        assertEquals("x\"y;z", plain.toString());
    }
}
