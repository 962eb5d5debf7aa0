package jgrad.ctr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jgrad.data.BadRows;
import jgrad.data.Ratings;
import jgrad.data.movielens.Movie;
import jgrad.data.movielens.MovieLens100k;

/** The hand-written ratings of {@code src/test/resources/ctr} (see its README) and six movies with genres. */
public final class CtrFixtures {

    public static final List<String> GENRES = List.of("Action", "Comedy", "Drama");

    private CtrFixtures() {
    }

    public static Ratings ratings() {
        try {
            Path dir = Path.of(CtrFixtures.class.getResource("/ctr/ratings.tsv").toURI()).getParent();
            return MovieLens100k.in(dir).ratings("ratings.tsv", BadRows.failFast());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Movies 1 … 6: 1 Action, 2 Comedy, 3 Action + Comedy, 4 Drama, 5 none, 6 all three. */
    public static ItemGenres genres() {
        List<Movie> movies = List.of(new Movie(1, "one", List.of("Action")), new Movie(2, "two", List.of("Comedy")),
                new Movie(3, "three", List.of("Action", "Comedy")), new Movie(4, "four", List.of("Drama")),
                new Movie(5, "five", List.of()), new Movie(6, "six", List.of("Action", "Comedy", "Drama")));
        return ItemGenres.of(movies, GENRES);
    }

    /** The fixture under the example's protocol, histories of at most 3. */
    public static CtrData data() {
        return CtrData.of(ratings(), genres(), 3);
    }

    /**
     * 40 users rate 12 random movies of 1 … 6 each; movies 1 … 3 get 5 stars, the others 1: the label is a
     * function of the candidate, so a model that learns anything reaches a validation AUC of 1.
     */
    public static CtrData synthetic() {
        SplittableRandom r = new SplittableRandom(4);
        List<int[]> rows = new ArrayList<>();
        for (int u = 1; u <= 40; u++) {
            for (int t = 0; t < 12; t++) {
                int item = 1 + r.nextInt(6);
                rows.add(new int[] {u, item, item <= 3 ? 5 : 1, t});
            }
        }
        Ratings ratings = new Ratings(rows.stream().mapToInt(x -> x[0]).toArray(),
                rows.stream().mapToInt(x -> x[1]).toArray(), toFloats(rows), rows.stream().mapToLong(x -> x[3]).toArray());
        return CtrData.of(ratings, CtrFixtures.genres(), 5);
    }

    static float[] toFloats(List<int[]> rows) {
        float[] f = new float[rows.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = rows.get(i)[2];
        }
        return f;
    }

}
