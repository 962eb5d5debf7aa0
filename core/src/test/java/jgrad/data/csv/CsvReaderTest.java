package jgrad.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jgrad.data.BadRow;
import jgrad.data.BadRows;
import jgrad.data.MalformedDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    private static final Schema PEOPLE = Schema.of(
            Column.of("id", ColumnType.INT).range(1, 100),
            Column.of("name", ColumnType.STRING),
            Column.of("score", ColumnType.DOUBLE),
            Column.of("member", ColumnType.BOOLEAN));

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsQuotedFieldsWithCommasAndEscapedQuotesAndCrlf() throws IOException {
        Path file = write("p.csv", "id,name,score,member\r\n1,\"Smith, John\",1.5,true\r\n"
                + "2,\"say \"\"hi\"\"\",7.50E-05,no\r\n3,,-2,1\r\n");
        Table t = new CsvReader(CsvFormat.csv(), PEOPLE).read(file);
        assertEquals(3, t.rowCount());
        assertArrayEquals(new int[] {1, 2, 3}, t.ints("id"));
        assertArrayEquals(new String[] {"Smith, John", "say \"hi\"", ""}, t.strings("name"));
        assertArrayEquals(new double[] {1.5, 7.5e-5, -2}, t.doubles("score"));
        assertArrayEquals(new boolean[] {true, false, true}, t.booleans("member"));
    }

    @Test
    void findsColumnsByHeaderNameIgnoringExtraColumnsAndOrder() throws IOException {
        Path file = write("p.csv", "member;extra;score;name;id\nyes;x;3;Ann;7\n");
        Table t = new CsvReader(CsvFormat.csv().withSeparator(';'), PEOPLE).read(file);
        assertArrayEquals(new int[] {7}, t.ints("id"));
        assertArrayEquals(new String[] {"Ann"}, t.strings("name"));
        assertEquals(List.of("id", "name", "score", "member"), t.columnNames());
    }

    @Test
    void missingMarkersBecomeNaNNullOrFlaggedZero() throws IOException {
        Path file = write("p.csv", "id,name,score,member\n1,NA,,true\n2,Bo,4,\n");
        Table t = new CsvReader(CsvFormat.csv().withMissing("", "NA"), PEOPLE).read(file);
        assertNull(t.strings("name")[0]);
        assertTrue(Double.isNaN(t.doubles("score")[0]));
        assertTrue(t.isMissing("member", 1));
        assertFalse(t.isMissing("member", 0));
        assertEquals(1, t.missingCount("score"));
        assertArrayEquals(new double[] {1, 1}, new double[] {t.asDoubles("member")[0], t.asDoubles("id")[0]});
        assertTrue(Double.isNaN(t.asDoubles("member")[1]));
    }

    @Test
    void failsOnFirstBadRowWithFileAndLineNumber() throws IOException {
        Path file = write("bad.csv", "id,name,score,member\n1,a,1,true\n2,b,oops,true\n3,c,1\n");
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> new CsvReader(CsvFormat.csv(), PEOPLE).read(file));
        assertEquals("bad.csv:3: column 'score': unparsable number 'oops'", e.getMessage());
        assertEquals(3, e.badRow().line());
    }

    @Test
    void collectsEveryKindOfBadRowAndKeepsTheGoodOnes() throws IOException {
        Path file = write("bad.csv", String.join("\r\n",
                "id,name,score,member",
                "1,a,1,true",
                "2,b,oops,true",
                "3,c,1",
                "101,d,1,true",
                "4,\"unterminated,1,true",
                "5,e,1,maybe",
                "6,\"q\"x,1,true",
                "7,f,NaN,true",
                "8,g,2.5,false",
                ""));
        BadRows bad = BadRows.collect();
        Table t = new CsvReader(CsvFormat.csv(), PEOPLE).read(file, bad);
        assertArrayEquals(new int[] {1, 8}, t.ints("id"));
        List<String> expected = List.of(
                "bad.csv:3: column 'score': unparsable number 'oops'",
                "bad.csv:4: expected 4 fields, found 3",
                "bad.csv:5: column 'id': value 101 out of range [1, 100]",
                "bad.csv:6: field 2: unterminated quote",
                "bad.csv:7: column 'member': not a boolean 'maybe'",
                "bad.csv:8: field 2: text after the closing quote",
                "bad.csv:9: column 'score': unparsable number 'NaN'");
        assertEquals(expected, bad.rows().stream().map(BadRow::describe).toList());
        assertTrue(bad.summary(2).startsWith("7 bad row(s) skipped"));
    }

    @Test
    void emptyFieldWithoutMissingMarkerIsABadNumber() throws IOException {
        Path file = write("e.csv", "id,name,score,member\n1,a,,true\n");
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> new CsvReader(CsvFormat.csv(), PEOPLE).read(file));
        assertEquals("e.csv:2: column 'score': unparsable number ''", e.getMessage());
    }

    @Test
    void headerWithoutADeclaredColumnIsRefused() throws IOException {
        Path file = write("h.csv", "id,name,score\n1,a,2\n");
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> new CsvReader(CsvFormat.csv(), PEOPLE).read(file, BadRows.collect()));
        assertTrue(e.getMessage().startsWith("h.csv:1: header has no column 'member'"), e.getMessage());
    }

    @Test
    void withoutHeaderColumnsArePositionalAndBomAndBlankLinesAreSkipped() throws IOException {
        Path file = write("n.txt", "\uFEFF1|x|2|0\n\n2|y|3|1\n");
        CsvFormat pipe = CsvFormat.csv().withSeparator('|').withHeader(false);
        Table t = new CsvReader(pipe, PEOPLE).read(file);
        assertArrayEquals(new int[] {1, 2}, t.ints("id"));
    }

    @Test
    void trimmingRemovesLeadingSpacesOfCensusStyleFields() throws IOException {
        Path file = write("c.txt", "1, Bob, 2.0, yes\n");
        CsvFormat format = CsvFormat.csv().withHeader(false).withTrim(true);
        Table t = new CsvReader(format, PEOPLE).read(file);
        assertEquals("Bob", t.strings("name")[0]);
        assertArrayEquals(new double[] {2.0}, t.doubles("score"));
    }

    @Test
    void iso88591TextIsDecoded() throws IOException {
        Path file = dir.resolve("l.txt");
        Files.write(file, "1|Misérables|1|0\n".getBytes(StandardCharsets.ISO_8859_1));
        CsvFormat pipe = CsvFormat.csv().withSeparator('|').withHeader(false).withCharset(StandardCharsets.ISO_8859_1);
        assertEquals("Misérables", new CsvReader(pipe, PEOPLE).read(file).strings("name")[0]);
    }

    @Test
    void selectPicksRowsInOrderWithTheirMissingFlags() throws IOException {
        Path file = write("p.csv", "id,name,score,member\n1,a,,true\n2,b,3,false\n");
        Table t = new CsvReader(CsvFormat.csv().withMissing(""), PEOPLE).read(file);
        Table s = t.select(new int[] {1, 0, 1});
        assertArrayEquals(new int[] {2, 1, 2}, s.ints("id"));
        assertTrue(s.isMissing("score", 1));
        assertFalse(s.isMissing("score", 0));
        assertThrows(IllegalArgumentException.class, () -> t.ints("name"));
    }

    @Test
    void emptyFileWithExpectedHeaderIsRefused() throws IOException {
        Path file = write("empty.csv", "");
        assertThrows(MalformedDataException.class, () -> new CsvReader(CsvFormat.csv(), PEOPLE).read(file));
    }
}
