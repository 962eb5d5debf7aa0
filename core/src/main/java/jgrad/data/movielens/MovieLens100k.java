package jgrad.data.movielens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jgrad.data.BadRows;
import jgrad.data.LeaveOneOutData;
import jgrad.data.Ratings;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.data.prep.IdIndex;
import jgrad.data.split.Split;
import jgrad.data.split.Splits;

/**
 * Loads the MovieLens 100K files of one directory. Ratings ({@code u.data}, {@code uN.base/test}) are
 * tab-separated {@code user item rating timestamp}; {@code u.item} and {@code u.user} are {@code |}-separated
 * ISO-8859-1 text. Ids keep their 1-based values. When {@code u.info} is present, ids above its user and
 * item counts are reported as out of range. Every method has a variant taking {@link BadRows}; the others fail
 * on the first malformed line.
 */
public final class MovieLens100k {

    /** The names of the fixed splits shipped with the data set: five 80/20 folds and two 10-per-user splits. */
    public static final Set<String> FIXED_SPLITS = Set.of("u1", "u2", "u3", "u4", "u5", "ua", "ub");

    /** The 19 genre flags of {@code u.item}, in file order (as listed in {@code u.genre}). */
    public static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation",
            "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical",
            "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western");

    private static final CsvFormat TAB = new CsvFormat('\t', CsvFormat.NO_QUOTE, false, Set.of(),
            StandardCharsets.ISO_8859_1, false);
    private static final CsvFormat PIPE = TAB.withSeparator('|');

    private final Path dir;
    private final int userCount;
    private final int itemCount;

    private MovieLens100k(Path dir, int userCount, int itemCount) {
        this.dir = dir;
        this.userCount = userCount;
        this.itemCount = itemCount;
    }

    /** The data set in {@code dir}; reads {@code u.info} for the id ranges if it is there. */
    public static MovieLens100k in(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        Path info = dir.resolve("u.info");
        if (!Files.exists(info)) {
            return new MovieLens100k(dir, Integer.MAX_VALUE, Integer.MAX_VALUE);
        }
        return new MovieLens100k(dir, infoCount(info, "users"), infoCount(info, "items"));
    }

    /** The number of users stated by {@code u.info} (Integer.MAX_VALUE without it). */
    public int userCount() {
        return userCount;
    }

    /** The number of items stated by {@code u.info} (Integer.MAX_VALUE without it). */
    public int itemCount() {
        return itemCount;
    }

    /** All 100,000 ratings of {@code u.data}. */
    public Ratings ratings() {
        return ratings("u.data", BadRows.failFast());
    }

    /** A ratings file of this directory in the {@code u.data} format. */
    public Ratings ratings(String fileName, BadRows badRows) {
        Schema schema = Schema.of(
                Column.of("user", ColumnType.INT).range(1, userCount),
                Column.of("item", ColumnType.INT).range(1, itemCount),
                Column.of("rating", ColumnType.INT).range(1, 5),
                Column.of("timestamp", ColumnType.LONG).range(0, Long.MAX_VALUE));
        Table t = new CsvReader(TAB, schema).read(dir.resolve(fileName), badRows);
        int[] stars = t.ints("rating");
        float[] ratings = new float[stars.length];
        for (int r = 0; r < stars.length; r++) {
            ratings[r] = stars[r];
        }
        return new Ratings(t.ints("user"), t.ints("item"), ratings, t.longs("timestamp"));
    }

    /** A fixed split: {@code name.base} for training, {@code name.test} for testing, e.g. {@code "u1"}. */
    public Split<Ratings> fixedSplit(String name) {
        return fixedSplit(name, BadRows.failFast());
    }

    public Split<Ratings> fixedSplit(String name, BadRows badRows) {
        if (!FIXED_SPLITS.contains(name)) {
            throw new IllegalArgumentException("unknown split '" + name + "', expected one of " + FIXED_SPLITS);
        }
        return new Split<>(ratings(name + ".base", badRows), ratings(name + ".test", badRows));
    }

    /**
     * The leave-one-out protocol of NCF on {@code u.data}: each user's latest rating is held out
     * ({@link Splits#leaveOneOut(Ratings)}) and ranked among the {@code negativesPerUser} items of the candidates
     * file ({@link LeaveOneOutNegatives}), which must hold out those same items; every other rating is training
     * data. Dense ids are MovieLens ids − 1, for all {@link #userCount()} users and {@link #itemCount()} items.
     */
    public LeaveOneOutData leaveOneOut(Path negativesFile, int negativesPerUser) {
        IdIndex users = IdIndex.ofRange(1, userCount());
        IdIndex items = IdIndex.ofRange(1, itemCount());
        Ratings all = IdIndex.reindex(ratings(), users, items);
        Split<Ratings> split = Splits.apply(all, Splits.leaveOneOut(all));
        LeaveOneOutNegatives loo = LeaveOneOutNegatives.read(negativesFile, negativesPerUser, items.size(),
                BadRows.failFast());
        Map<Integer, Integer> heldOut = new HashMap<>();
        for (int r = 0; r < split.test().size(); r++) {
            heldOut.put(split.test().users()[r], split.test().items()[r]);
        }
        int n = loo.size();
        int[] u = new int[n];
        int[] test = new int[n];
        int[][] neg = new int[n][];
        for (int r = 0; r < n; r++) {
            u[r] = users.index(loo.users()[r]);
            test[r] = items.index(loo.testItems()[r]);
            if (!Integer.valueOf(test[r]).equals(heldOut.get(u[r]))) {
                throw new IllegalStateException("the candidates file holds out movie " + loo.testItems()[r]
                        + " for user " + loo.users()[r] + ", but that user's latest rating is of another movie");
            }
            neg[r] = items.transform(loo.negatives()[r]);
        }
        return new LeaveOneOutData(users.size(), items.size(), split.train(), u, test, neg);
    }

    /** The movies of {@code u.item}, in file order. */
    public List<Movie> movies() {
        return movies(BadRows.failFast());
    }

    public List<Movie> movies(BadRows badRows) {
        List<Column> columns = new ArrayList<>(List.of(
                Column.of("id", ColumnType.INT).range(1, itemCount),
                Column.of("title", ColumnType.STRING),
                Column.of("release", ColumnType.STRING),
                Column.of("videoRelease", ColumnType.STRING),
                Column.of("url", ColumnType.STRING)));
        for (String genre : GENRES) {
            columns.add(Column.of(genre, ColumnType.INT).range(0, 1));
        }
        Table t = new CsvReader(PIPE, new Schema(columns)).read(dir.resolve("u.item"), badRows);
        int[] ids = t.ints("id");
        String[] titles = t.strings("title");
        int[][] flags = new int[GENRES.size()][];
        for (int g = 0; g < flags.length; g++) {
            flags[g] = t.ints(GENRES.get(g));
        }
        List<Movie> movies = new ArrayList<>(ids.length);
        for (int r = 0; r < ids.length; r++) {
            List<String> genres = new ArrayList<>();
            for (int g = 0; g < flags.length; g++) {
                if (flags[g][r] == 1) {
                    genres.add(GENRES.get(g));
                }
            }
            movies.add(new Movie(ids[r], titles[r], genres));
        }
        return movies;
    }

    /** The users of {@code u.user}, in file order. */
    public List<User> users() {
        return users(BadRows.failFast());
    }

    public List<User> users(BadRows badRows) {
        Schema schema = Schema.of(
                Column.of("id", ColumnType.INT).range(1, userCount),
                Column.of("age", ColumnType.INT).range(0, 150),
                Column.of("gender", ColumnType.STRING),
                Column.of("occupation", ColumnType.STRING),
                Column.of("zip", ColumnType.STRING));
        Table t = new CsvReader(PIPE, schema).read(dir.resolve("u.user"), badRows);
        int[] ids = t.ints("id");
        int[] ages = t.ints("age");
        String[] genders = t.strings("gender");
        String[] occupations = t.strings("occupation");
        String[] zips = t.strings("zip");
        List<User> users = new ArrayList<>(ids.length);
        for (int r = 0; r < ids.length; r++) {
            users.add(new User(ids[r], ages[r], genders[r], occupations[r], zips[r]));
        }
        return users;
    }

    /** Reads "N users" / "N items" from {@code u.info}. */
    private static int infoCount(Path info, String what) {
        try {
            for (String line : Files.readAllLines(info, StandardCharsets.ISO_8859_1)) {
                String[] parts = line.strip().split(" ");
                if (parts.length == 2 && parts[1].equals(what)) {
                    return Integer.parseInt(parts[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + info, e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(info + ": unparsable count of " + what, e);
        }
        throw new IllegalArgumentException(info + ": no line '<count> " + what + "'");
    }
}
