package jgrad.ctr;

import java.util.List;

import jgrad.data.movielens.Movie;

/**
 * Each item's genres as a row of weights that sum to 1 (1/k on each of its k genres): multiplied by a
 * genre table it gives the mean of the item's genre embeddings. Row 0 and rows of items without a
 * genre are zeros. {@code rows()[id]} is item id's row, for ids 0 … {@link #itemIds()} − 1.
 */
public final class ItemGenres {

    private final List<String> genres;
    private final float[][] rows;

    private ItemGenres(List<String> genres, float[][] rows) {
        this.genres = List.copyOf(genres);
        this.rows = rows;
    }

    /** The rows of {@code movies} over the genre names {@code genres} (MovieLens100k.GENRES). */
    public static ItemGenres of(List<Movie> movies, List<String> genres) {
        int maxId = movies.stream().mapToInt(Movie::id).max().orElse(0);
        float[][] rows = new float[maxId + 1][genres.size()];
        for (Movie m : movies) {
            if (m.id() <= 0) {
                throw new IllegalArgumentException("movie id " + m.id() + " (" + m.title() + "): ids start at 1");
            }
            for (String g : m.genres()) {
                int column = genres.indexOf(g);
                if (column < 0) {
                    throw new IllegalArgumentException("movie " + m.id() + " (" + m.title() + ") has genre '" + g
                            + "', not one of " + genres);
                }
                rows[m.id()][column] = 1f / m.genres().size();
            }
        }
        return new ItemGenres(genres, rows);
    }

    /** The number of item ids the rows cover, padding id 0 included: the largest id + 1. */
    public int itemIds() {
        return rows.length;
    }

    public int genreCount() {
        return genres.size();
    }

    public List<String> genres() {
        return genres;
    }

    /** The rows flattened, [itemIds, genreCount] row-major. */
    public float[] flat() {
        float[] flat = new float[rows.length * genres.size()];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * genres.size(), genres.size());
        }
        return flat;
    }
}
