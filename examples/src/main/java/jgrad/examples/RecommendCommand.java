package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.data.Ratings;
import jgrad.data.movielens.Movie;
import jgrad.data.movielens.MovieLens100k;
import jgrad.io.ModelFiles;
import jgrad.nn.Module;
import jgrad.recsys.Recommender;

/**
 * {@code ./jgrad recommend --model FILE --user ID [-k K] [--data PATH]}: the top-K movies a saved MovieLens
 * 100K recommender scores highest for a user, among those the user has not rated in u.data, with titles.
 * Ids are MovieLens's (users 1 … 943, movies 1 … 1682); the models hold them as id − 1.
 */
final class RecommendCommand implements Command {

    @Override public String name() { return "recommend"; }
    @Override public String usage() { return "--model FILE --user ID [-k K] [--data PATH]"; }
    @Override public String summary() { return "a saved MovieLens model's top-K unseen movies for a user, with titles"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--model", "--user", "-k", "--data"));
        if (!o.containsKey("--model") || !o.containsKey("--user")) {
            throw new UsageException("needs --model FILE and --user ID");
        }
        int userId = parseInt("--user", o.get("--user"));
        int k = o.containsKey("-k") ? Main.positiveInt("-k", o.get("-k")) : 10;
        Path modelPath = Path.of(o.get("--model"));
        if (!Files.exists(ModelFiles.architecturePath(modelPath))) {
            throw new UsageException("no model at " + ModelFiles.architecturePath(modelPath)
                    + " (save one with ./jgrad example movie-dot --save FILE)");
        }
        Module loaded = ModelFiles.load(modelPath).to(BackendOption.device());
        if (!(loaded instanceof Recommender model)) {
            throw new IllegalArgumentException(modelPath + " holds a " + loaded.getClass().getSimpleName()
                    + ", not a recommender");
        }
        if (userId < 1 || userId > model.numUsers()) {
            out.printf("unknown user %d: the model knows MovieLens users 1 … %d%n", userId, model.numUsers());
            return 1;
        }
        MovieLens100k ml = MovieLensFiles.open(o.containsKey("--data") ? Path.of(o.get("--data")) : null);
        Map<Integer, Movie> movies = new HashMap<>();
        ml.movies().forEach(m -> movies.put(m.id(), m));
        int[] seen = seenBy(ml.ratings(), userId, model.numItems());
        int[] top = model.recommend(userId - 1, k, seen);
        double[] scores = model.scoreItems(userId - 1);
        out.printf("top %d unseen movies for user %d (%d rated in u.data), by %s:%n", top.length, userId, seen.length,
                modelPath.getFileName());
        for (int r = 0; r < top.length; r++) {
            int movieId = top[r] + 1;
            Movie m = movies.get(movieId);
            out.printf(Locale.ROOT, "%2d. %-60s score %.3f  (movie %d)%n", r + 1, m == null ? "?" : m.title(),
                    scores[top[r]], movieId);
        }
        return 0;
    }

    /** The dense ids of the movies the user rated (MovieLens id − 1). */
    private static int[] seenBy(Ratings ratings, int userId, int numItems) {
        return java.util.stream.IntStream.range(0, ratings.size())
                .filter(r -> ratings.users()[r] == userId && ratings.items()[r] <= numItems)
                .map(r -> ratings.items()[r] - 1).distinct().toArray();
    }

    private static int parseInt(String what, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException(what + " must be a whole number, got '" + text + "'");
        }
    }
}
