package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.backend.Backends;
import jgrad.data.SharedData;
import jgrad.data.movielens.Movie;
import jgrad.data.movielens.MovieLensLatest;
import jgrad.data.split.Split;
import jgrad.data.split.Splits;
import jgrad.random.PhiloxRandom;
import jgrad.text.CharBigram;
import jgrad.text.CharCodes;
import jgrad.text.CopyLine;
import jgrad.text.CopySettings;
import jgrad.text.Copywriter;

/**
 * {@code ./jgrad example copywriter [--epochs E] [--hidden H] [--seed S] [--genres G] [--temperature T] [--top-k K]
 * [--samples N] [--data DIR] [--save FILE]}: a character-level LSTM learns to write a movie title for given genres
 * from MovieLens latest-small's movies.csv; 10 % of the movies (seeded) are held out for bits per character,
 * against a character bigram model; then titles are sampled for the genres, seeded.
 */
final class CopywriterExample implements Example {

    private static final String DATA = "ml-latest-small";
    private static final double HELD_OUT = 0.1;
    private static final double BIGRAM_ALPHA = 0.1;
    private static final int MAX_TITLE = 80;
    private static final List<String> DEFAULT_GENRES = List.of("Comedy|Romance", "Horror|Thriller", "Animation|Children",
            "Action|Sci-Fi", "Drama", "Documentary", "Crime|Drama", "Comedy", "Adventure|Fantasy", "Western");

    @Override public String name() { return "copywriter"; }
    @Override public String summary() { return "seeds 000/002: a character LSTM writes movie titles for genres (bits/char vs bigram)"; }


    @Override
    public int run(String[] args, PrintStream out, ExampleReport report) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--epochs", "--hidden", "--seed", "--genres",
                "--temperature", "--top-k", "--samples", "--data", "--save"));
        long seed = o.containsKey("--seed") ? ExampleOptions.parseSeed(o.get("--seed")) : 42;
        CopySettings s = CopySettings.defaults(seed);
        s = o.containsKey("--epochs") ? s.withEpochs(Main.positiveInt("--epochs", o.get("--epochs"))) : s;
        s = o.containsKey("--hidden") ? s.withHidden(Main.positiveInt("--hidden", o.get("--hidden"))) : s;
        double temperature = o.containsKey("--temperature") ? Main.positiveNumber("--temperature", o.get("--temperature")) : 0.8;
        int topK = o.containsKey("--top-k") ? Main.positiveInt("--top-k", o.get("--top-k")) : 10;
        int samples = o.containsKey("--samples") ? Main.positiveInt("--samples", o.get("--samples")) : 10;
        List<String> genres = o.containsKey("--genres") ? List.of(genresOption(o.get("--genres"))) : DEFAULT_GENRES;
        Path save = o.containsKey("--save") ? ExampleOptions.savePath(o.get("--save")) : null;
        Path file = moviesFile(o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data")) : null);

        List<Movie> movies = MovieLensLatest.movies(file);
        List<CopyLine> lines = CopyLine.of(movies.stream().map(CopywriterExample::genres).toList(),
                movies.stream().map(Movie::title).toList());
        Split<int[]> split = Splits.random(lines.size(), HELD_OUT, new SplittableRandom(seed));
        List<CopyLine> train = pick(lines, split.train());
        List<CopyLine> test = pick(lines, split.test());
        out.printf(Locale.ROOT, "copywriter: %d titles with their genres from %s; %d train, %d held out (seed %d)%n",
                lines.size(), file, train.size(), test.size(), seed);
        out.printf(Locale.ROOT, "model     chars → embedding %d → %d × LSTM(%d) → softmax over characters; Adam %.0e,"
                + " clip 5, batch %d, %d epochs, backend %s%n", s.dim(), s.layers(), s.hidden(), s.learningRate(),
                s.batchSize(), s.epochs(), Backends.current().name());
        long start = System.nanoTime();
        CharCodes codes = CharCodes.fit(train.stream().map(CopyLine::text).toList());
        double bigram = CharBigram.fit(codes, train, BIGRAM_ALPHA).bitsPerCharacter(codes, test);
        out.printf(Locale.ROOT, "held-out bits per title character: character bigram (add-%.1f) %.3f%n", BIGRAM_ALPHA,
                bigram);
        Copywriter writer = Copywriter.train(train, s, BackendOption.device(),
                (w, e) -> {
                    double bits = w.bitsPerCharacter(test);
                    report.epoch("LSTM", e, Map.of("test_bits_per_char", bits));
                    report.epoch("character bigram", e, Map.of("test_bits_per_char", bigram));
                    out.printf(Locale.ROOT, "  epoch %d  held-out bits per title character: LSTM %.3f  (%.0f s)%n",
                            e, bits, (System.nanoTime() - start) / 1e9);
                });
        PhiloxRandom random = new PhiloxRandom(seed);
        out.printf(Locale.ROOT, "%nsamples (temperature %.2f, top-k %d, Philox seed %d):%n", temperature, topK, seed);
        for (int i = 0; i < samples; i++) {
            String g = genres.get(i % genres.size());
            out.printf(Locale.ROOT, "  %-20s → %s%n", g, writer.write(g, temperature, topK, random, MAX_TITLE));
        }
        if (save != null) {
            writer.save(save);
            out.println("saved the copywriter to " + save);
        }
        return 0;
    }

    /** "Comedy|Romance", or MovieLens's "(no genres listed)" for a movie without genres. */
    private static String genres(Movie m) {
        return m.genres().isEmpty() ? MovieLensLatest.NO_GENRES : String.join("|", m.genres());
    }

    private static List<CopyLine> pick(List<CopyLine> lines, int[] rows) {
        return java.util.Arrays.stream(rows).mapToObj(lines::get).toList();
    }

    private static String genresOption(String value) {
        try {
            CopyLine.prompt(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--genres: " + e.getMessage());
        }
    }

    private static Path moviesFile(Path given) {
        Path dir = given != null ? given : SharedData.find(DATA).orElseThrow(() -> new IllegalStateException(
                "MovieLens latest-small (" + DATA + ") is not in the data folder: " + SharedData.HOW_TO_GET));
        Path file = dir.resolve("movies.csv");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--data " + dir + ": no movies.csv there (MovieLens ml-latest-small)");
        }
        return file;
    }
}
