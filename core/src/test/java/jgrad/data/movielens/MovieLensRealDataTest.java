package jgrad.data.movielens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import jgrad.data.Ratings;
import jgrad.data.TestData;
import jgrad.data.split.Split;
import org.junit.jupiter.api.Test;

/** The loaders on the real MovieLens files of the shared data directory; skipped when it is absent. */
class MovieLensRealDataTest {

    @Test
    void uDataHasTheDocumentedCounts() {
        MovieLens100k ml = MovieLens100k.in(TestData.require("ml-100k"));
        Ratings all = ml.ratings();
        assertEquals(100_000, all.size());
        assertEquals(943, all.distinctUsers());
        assertEquals(1682, all.distinctItems());
        assertEquals(ml.userCount(), all.maxUser());
        assertEquals(ml.itemCount(), all.maxItem());
        int[] histogram = new int[6];
        for (float r : all.ratings()) {
            histogram[(int) r]++;
        }
        assertEquals(List.of(0, 6110, 11370, 27145, 34174, 21201), Arrays.stream(histogram).boxed().toList());
    }

    @Test
    void fixedSplitsHaveTheDocumentedSizes() {
        MovieLens100k ml = MovieLens100k.in(TestData.require("ml-100k"));
        Split<Ratings> u1 = ml.fixedSplit("u1");
        assertEquals(80_000, u1.train().size());
        assertEquals(20_000, u1.test().size());
        Split<Ratings> ua = ml.fixedSplit("ua");
        assertEquals(90_570, ua.train().size());
        assertEquals(9_430, ua.test().size());
    }

    @Test
    void itemsAndUsersLoadWithLatin1Titles() {
        MovieLens100k ml = MovieLens100k.in(TestData.require("ml-100k"));
        List<Movie> movies = ml.movies();
        assertEquals(1682, movies.size());
        assertEquals("Toy Story (1995)", movies.getFirst().title());
        assertEquals(List.of("Animation", "Children's", "Comedy"), movies.getFirst().genres());
        assertEquals("Misérables, Les (1995)", movies.get(542).title());
        assertEquals(943, ml.users().size());
    }

    @Test
    void leaveOneOutNegativesCoverEveryUser() {
        Path file = TestData.require("ml-100k-loo").resolve("test_negatives.tsv");
        LeaveOneOutNegatives n = LeaveOneOutNegatives.read(file, 99, 1682, jgrad.data.BadRows.failFast());
        assertEquals(943, n.size());
        assertEquals(943, Arrays.stream(n.users()).distinct().count());
        for (int u = 0; u < n.size(); u++) {
            int test = n.testItems()[u];
            assertTrue(Arrays.stream(n.negatives()[u]).noneMatch(i -> i == test), "user " + n.users()[u]);
        }
    }

    @Test
    void latestSmallHasTheDocumentedCounts() {
        Path dir = TestData.require("ml-latest-small");
        Ratings r = MovieLensLatest.ratings(dir.resolve("ratings.csv"));
        assertEquals(100_836, r.size());
        assertEquals(610, r.distinctUsers());
        assertEquals(9724, r.distinctItems());
        List<Movie> movies = MovieLensLatest.movies(dir.resolve("movies.csv"));
        assertEquals(9742, movies.size());
        assertTrue(movies.stream().anyMatch(m -> m.title().equals("American President, The (1995)")));
    }
}
