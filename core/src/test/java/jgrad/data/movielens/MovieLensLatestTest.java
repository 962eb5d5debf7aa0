package jgrad.data.movielens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jgrad.data.MalformedDataException;
import jgrad.data.Ratings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensLatestTest {

    @TempDir
    Path dir;

    @Test
    void readsCrlfRatingsWithHalfStars() throws IOException {
        Path file = dir.resolve("ratings.csv");
        Files.writeString(file, "userId,movieId,rating,timestamp\r\n1,1,4.0,900000000\r\n1,193609,0.5,900000001\r\n");
        Ratings r = MovieLensLatest.ratings(file);
        assertArrayEquals(new int[] {1, 193609}, r.items());
        assertArrayEquals(new float[] {4.0f, 0.5f}, r.ratings());
    }

    @Test
    void ratingBelowHalfAStarIsBad() throws IOException {
        Path file = dir.resolve("ratings.csv");
        Files.writeString(file, "userId,movieId,rating,timestamp\r\n1,1,0.0,900000000\r\n");
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> MovieLensLatest.ratings(file));
        assertEquals("ratings.csv:2: column 'rating': value 0.0 out of range [0.5, 5]", e.getMessage());
    }

    @Test
    void readsQuotedTitlesWithCommasAndSplitsGenres() throws IOException {
        Path file = dir.resolve("movies.csv");
        Files.writeString(file, "movieId,title,genres\r\n"
                + "11,\"Jolly Robot, The (2031)\",Comedy|Drama|Romance\r\n"
                + "182727,Untitled Test Film (2032),(no genres listed)\r\n");
        List<Movie> movies = MovieLensLatest.movies(file);
        assertEquals(new Movie(11, "Jolly Robot, The (2031)", List.of("Comedy", "Drama", "Romance")),
                movies.get(0));
        assertEquals(List.of(), movies.get(1).genres());
    }
}
