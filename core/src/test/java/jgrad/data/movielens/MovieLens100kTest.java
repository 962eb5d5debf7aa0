package jgrad.data.movielens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jgrad.data.BadRow;
import jgrad.data.BadRows;
import jgrad.data.LeaveOneOutData;
import jgrad.data.MalformedDataException;
import jgrad.data.Ratings;
import jgrad.data.split.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MovieLens 100K loaders on small files written here, in the real layout. */
class MovieLens100kTest {

    @TempDir
    Path dir;

    private void write(String name, String content) throws IOException {
        Files.write(dir.resolve(name), content.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void writeInfo() throws IOException {
        write("u.info", "3 users\n4 items\n5 ratings\n");
    }

    @Test
    void readsRatingsWithIdsAndTimestamps() throws IOException {
        writeInfo();
        write("u.data", "1\t2\t5\t800000001\n3\t4\t1\t900000002\n");
        MovieLens100k ml = MovieLens100k.in(dir);
        Ratings r = ml.ratings();
        assertEquals(3, ml.userCount());
        assertEquals(4, ml.itemCount());
        assertArrayEquals(new int[] {1, 3}, r.users());
        assertArrayEquals(new int[] {2, 4}, r.items());
        assertArrayEquals(new float[] {5, 1}, r.ratings());
        assertArrayEquals(new long[] {800000001L, 900000002L}, r.timestamps());
    }

    @Test
    void idsBeyondUInfoAndBadRatingsAreReportedWithLineNumbers() throws IOException {
        writeInfo();
        write("u1.base", "1\t2\t5\t10\n4\t1\t3\t10\n1\t5\t3\t10\n2\t2\t6\t10\n2\tx\t3\t10\n2\t2\t3\n3\t3\t3\t11\n");
        write("u1.test", "1\t1\t4\t12\n");
        BadRows bad = BadRows.collect();
        Split<Ratings> split = MovieLens100k.in(dir).fixedSplit("u1", bad);
        assertEquals(2, split.train().size());
        assertEquals(1, split.test().size());
        assertEquals(List.of(
                "u1.base:2: column 'user': value 4 out of range [1, 3]",
                "u1.base:3: column 'item': value 5 out of range [1, 4]",
                "u1.base:4: column 'rating': value 6 out of range [1, 5]",
                "u1.base:5: column 'item': unparsable integer 'x'",
                "u1.base:6: expected 4 fields, found 3"), bad.rows().stream().map(BadRow::describe).toList());
    }

    @Test
    void failsByDefaultAndRejectsUnknownSplitNames() throws IOException {
        write("u.data", "1\t2\t5\t10\n1\t2\t0\t10\n");
        MovieLens100k ml = MovieLens100k.in(dir);
        MalformedDataException e = assertThrows(MalformedDataException.class, ml::ratings);
        assertEquals("u.data:2: column 'rating': value 0 out of range [1, 5]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ml.fixedSplit("u6"));
    }

    @Test
    void readsIso88591TitlesGenresAndEmptyFields() throws IOException {
        String flagsDrama = "|0|0|0|0|0|0|0|0|1|0|0|0|1|0|0|0|0|0|0";
        String flagsUnknown = "|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0";
        write("u.item", "7|Café Noël, Le (2031)|01-Jan-2031||http://x" + flagsDrama + "\n"
                + "8|unknown||||" + flagsUnknown.substring(1) + "\n");
        List<Movie> movies = MovieLens100k.in(dir).movies();
        assertEquals(new Movie(7, "Café Noël, Le (2031)", List.of("Drama", "Musical")), movies.get(0));
        assertEquals(new Movie(8, "unknown", List.of("unknown")), movies.get(1));
    }

    @Test
    void readsUsersAndReportsAWrongFieldCount() throws IOException {
        write("u.user", "1|31|F|engineer|12345\n2|40|M|other\n3|19|M|student|K2P0A\n");
        BadRows bad = BadRows.collect();
        List<User> users = MovieLens100k.in(dir).users(bad);
        assertEquals(List.of(new User(1, 31, "F", "engineer", "12345"), new User(3, 19, "M", "student", "K2P0A")),
                users);
        assertEquals("u.user:2: expected 5 fields, found 4", bad.rows().getFirst().describe());
    }

    @Test
    void readsLeaveOneOutNegatives() throws IOException {
        write("neg.tsv", "1\t3\t1\t2\n2\t1\t4\t3\n3\t9\t1\t2\n");
        BadRows bad = BadRows.collect();
        LeaveOneOutNegatives n = LeaveOneOutNegatives.read(dir.resolve("neg.tsv"), 2, 4, bad);
        assertArrayEquals(new int[] {1, 2}, n.users());
        assertArrayEquals(new int[] {3, 1}, n.testItems());
        assertArrayEquals(new int[][] {{1, 2}, {4, 3}}, n.negatives());
        assertEquals("neg.tsv:3: column 'item': value 9 out of range [1, 4]", bad.rows().getFirst().describe());
    }

    /** NCF's protocol: each user's latest rating held out, ranked among the candidates file's items; ids − 1. */
    @Test
    void leaveOneOutHoldsOutEachUsersLatestRatingWithItsCandidates() throws IOException {
        writeInfo();
        // user 1 rated 1 (t 1), 2 (t 5), 3 (t 3): holds out 2; user 2 rated 2 (t 2), 4 (t 9): holds out 4;
        // user 3 rated 1 only: held out, nothing left to train on
        write("u.data", "1\t1\t4\t1\n1\t2\t3\t5\n2\t2\t5\t2\n1\t3\t1\t3\n2\t4\t2\t9\n3\t1\t5\t4\n");
        Path negatives = dir.resolve("test_negatives.tsv");
        Files.writeString(negatives, "1\t2\t4\n2\t4\t1\n");
        LeaveOneOutData loo = MovieLens100k.in(dir).leaveOneOut(negatives, 1);
        assertEquals(3, loo.numUsers());
        assertEquals(4, loo.numItems());
        assertArrayEquals(new int[] {0, 1}, loo.users());
        assertArrayEquals(new int[] {1, 3}, loo.testItems());
        assertArrayEquals(new int[][] {{3}, {0}}, loo.negatives());
        // training: the other ratings in file order, dense ids
        assertArrayEquals(new int[] {0, 1, 0}, loo.train().users());
        assertArrayEquals(new int[] {0, 1, 2}, loo.train().items());
        assertArrayEquals(new float[] {4, 5, 1}, loo.train().ratings());
    }

    @Test
    void leaveOneOutRefusesCandidatesOfAnotherHeldOutItem() throws IOException {
        writeInfo();
        write("u.data", "1\t1\t4\t1\n1\t2\t3\t5\n");
        Path negatives = dir.resolve("test_negatives.tsv");
        Files.writeString(negatives, "1\t1\t4\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MovieLens100k.in(dir).leaveOneOut(negatives, 1));
        assertEquals("the candidates file holds out movie 1 for user 1, but that user's latest rating is of another"
                + " movie", e.getMessage());
    }
}
