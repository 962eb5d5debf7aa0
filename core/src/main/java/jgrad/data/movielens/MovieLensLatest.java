package jgrad.data.movielens;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jgrad.data.BadRows;
import jgrad.data.Ratings;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/**
 * Loads the MovieLens "latest" files ({@code ml-latest-small}, {@code ml-latest}): UTF-8 CSV with a header,
 * CRLF line ends as shipped, titles quoted when they hold commas, genres joined by {@code |}.
 * Movie ids are sparse (up to 193609 in the small set): re-index them before building embeddings.
 */
public final class MovieLensLatest {

    /** The genre field of a movie that has none. */
    public static final String NO_GENRES = "(no genres listed)";

    private MovieLensLatest() {
    }

    /** {@code ratings.csv}: userId, movieId, rating (0.5 to 5 in half stars), timestamp. */
    public static Ratings ratings(Path file, BadRows badRows) {
        Schema schema = Schema.of(
                Column.of("userId", ColumnType.INT).range(1, Integer.MAX_VALUE),
                Column.of("movieId", ColumnType.INT).range(1, Integer.MAX_VALUE),
                Column.of("rating", ColumnType.DOUBLE).range(0.5, 5),
                Column.of("timestamp", ColumnType.LONG).range(0, Long.MAX_VALUE));
        Table t = new CsvReader(CsvFormat.csv(), schema).read(file, badRows);
        double[] stars = t.doubles("rating");
        float[] ratings = new float[stars.length];
        for (int r = 0; r < stars.length; r++) {
            ratings[r] = (float) stars[r];
        }
        return new Ratings(t.ints("userId"), t.ints("movieId"), ratings, t.longs("timestamp"));
    }

    public static Ratings ratings(Path file) {
        return ratings(file, BadRows.failFast());
    }

    /** {@code movies.csv}: movieId, title, genres. */
    public static List<Movie> movies(Path file, BadRows badRows) {
        Schema schema = Schema.of(
                Column.of("movieId", ColumnType.INT).range(1, Integer.MAX_VALUE),
                Column.of("title", ColumnType.STRING),
                Column.of("genres", ColumnType.STRING));
        Table t = new CsvReader(CsvFormat.csv(), schema).read(file, badRows);
        int[] ids = t.ints("movieId");
        String[] titles = t.strings("title");
        String[] genres = t.strings("genres");
        List<Movie> movies = new ArrayList<>(ids.length);
        for (int r = 0; r < ids.length; r++) {
            List<String> names = genres[r].equals(NO_GENRES) ? List.of() : List.of(genres[r].split("\\|"));
            movies.add(new Movie(ids[r], titles[r], names));
        }
        return movies;
    }

    public static List<Movie> movies(Path file) {
        return movies(file, BadRows.failFast());
    }
}
