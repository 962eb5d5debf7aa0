package jgrad.data.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import jgrad.data.Ratings;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodingTest {

    @Test
    void vocabularyOrdersByFrequencyAndSendsTheUnknownToZero() {
        Vocabulary v = Vocabulary.fit(new String[] {"b", "a", "b", "c", "a", "b", null});
        assertEquals(4, v.size());
        assertArrayEquals(new int[] {1, 2, 3, 0, 0}, v.transform(new String[] {"b", "a", "c", "z", null}));
        assertEquals("b", v.token(1));
        assertNull(v.token(Vocabulary.OOV));
        assertArrayEquals(new float[] {0, 0, 1, 0, 1, 0, 0, 0}, v.oneHot(new String[] {"a", "z"}));
        Vocabulary frequent = Vocabulary.fit(new String[] {"b", "a", "b", "c", "a", "b"}, 2);
        assertEquals(0, frequent.id("c"));
        assertEquals(3, frequent.size());
        assertEquals(1, Vocabulary.fit(new String[] {"y", "x"}).id("x"));
    }

    @Test
    void aVocabularyRebuiltFromItsTokensGivesTheSameIds() {
        Vocabulary fitted = Vocabulary.fit(new String[] {"b", "a", "b", "c", "a", "b"});
        Vocabulary rebuilt = Vocabulary.of(fitted.tokens());
        assertEquals(List.of("b", "a", "c"), fitted.tokens());
        String[] values = {"a", "b", "c", "d", null};
        assertArrayEquals(new int[] {2, 1, 3, 0, 0}, rebuilt.transform(values));
        assertEquals(fitted.size(), rebuilt.size());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.of(List.of("a", "b", "a")));
        assertTrue(twice.getMessage().contains("each category once"), twice.getMessage());
        List<String> withNull = new java.util.ArrayList<>(List.of("a"));
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(withNull));
    }

    @Test
    void oneHotRows() {
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, OneHot.encode(new int[] {2, 0}, 3));
        assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[] {3}, 3));
    }

    @Test
    void idIndexMakesSparseIdsDense() {
        IdIndex index = IdIndex.fit(new int[] {30, 10, 30, 20});
        assertEquals(3, index.size());
        assertArrayEquals(new int[] {2, 0, 1}, index.transform(new int[] {30, 10, 20}));
        assertEquals(20, index.rawId(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> index.transform(new int[] {10, 15}));
        assertEquals("unknown id at row 1: not among the 3 ids fitted", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> index.index(15));
        IdIndex range = IdIndex.ofRange(1, 3);
        Ratings dense = IdIndex.reindex(new Ratings(new int[] {3}, new int[] {1}, new float[] {4}, new long[] {9}),
                range, range);
        assertArrayEquals(new int[] {2}, dense.users());
        assertArrayEquals(new int[] {0}, dense.items());
    }

    @Test
    void cyclicalEncodingPutsMidnightNextToEleven() {
        CyclicalTime.SinCos q = CyclicalTime.encode(new double[] {0, 6, 12, 18}, 24);
        assertArrayEquals(new double[] {0, 1, 0, -1}, q.sin(), 1e-12);
        assertArrayEquals(new double[] {1, 0, -1, 0}, q.cos(), 1e-12);
        CyclicalTime.SinCos h = CyclicalTime.encode(new double[] {23, 0, 1}, 24);
        double before = Math.hypot(h.sin()[0] - h.sin()[1], h.cos()[0] - h.cos()[1]);
        double after = Math.hypot(h.sin()[2] - h.sin()[1], h.cos()[2] - h.cos()[1]);
        assertEquals(before, after, 1e-12);
    }

    @Test
    void hourAndWeekdayOfUnixTimestamps() {
        // 1970-01-01 was a Thursday; 1970-01-05 a Monday
        long monday = 4 * 86_400L;
        long[] ts = {0, monday + 13 * 3600 + 30 * 60, monday - 1};
        assertArrayEquals(new double[] {0, 13.5, 23 + 59 / 60.0 + 59 / 3600.0}, CyclicalTime.hourOfDay(ts, ZoneOffset.UTC), 1e-12);
        assertArrayEquals(new double[] {3, 0, 6}, CyclicalTime.dayOfWeek(ts, ZoneOffset.UTC));
        assertArrayEquals(new double[] {2}, CyclicalTime.hourOfDay(new long[] {0}, ZoneId.of("+02:00")));
        assertEquals(1.0, CyclicalTime.dayOfWeekCycle(new long[] {monday}, ZoneOffset.UTC).cos()[0], 1e-12);
    }

    @Test
    void duplicatesKeepTheFirstOccurrence(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, "id,tag\n1,a\n2,b\n1,a\n1,c\n");
        Schema schema = Schema.of(Column.of("id", ColumnType.INT), Column.of("tag", ColumnType.STRING));
        Table t = new CsvReader(CsvFormat.csv(), schema).read(file);
        assertArrayEquals(new int[] {0, 1, 3}, Duplicates.firstOccurrences(t));
        assertArrayEquals(new int[] {0, 1}, Duplicates.firstOccurrences(t, "id"));
        assertArrayEquals(new String[] {"a", "b", "c"}, Duplicates.drop(t).strings("tag"));
        assertArrayEquals(new int[] {0, 1, 3}, Duplicates.firstOccurrences(new int[] {1, 2, 1, 1}, new int[] {5, 5, 5, -5}));
    }
}
