package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jgrad.data.movielens.Movie;
import jgrad.data.movielens.MovieLens100k;
import jgrad.io.ModelFileException;
import jgrad.io.ModelFiles;
import jgrad.recsys.Popularity;
import jgrad.recsys.Recommender;
import jgrad.sequence.SequenceModel;

/**
 * {@code ./jgrad recommend --model FILE --user ID [-k K] [--data PATH] [--cold-start popularity]}: the top-K
 * movies a saved MovieLens 100K recommender scores highest for a user, among those the user has not rated in
 * u.data, with titles. Ids are MovieLens's (users 1 … 943, movies 1 … 1682); the models hold them as id − 1.
 * A user the model was not trained on (its file lists the users it saw) has no learned embedding: that is an
 * error, unless {@code --cold-start popularity} asks for the most-rated unseen movies, labelled as such.
 */
final class RecommendCommand implements Command {

    @Override public String name() { return "recommend"; }
    @Override public String usage() {
        return "--model FILE --user ID [-k K] [--data PATH] [--cold-start popularity]; on a sequence model (sasrec, "
                + "gru4rec) --user ID or --history \"ITEM ITEM …\"";
    }
    @Override public String summary() { return "a saved MovieLens model's top-K unseen movies for a user, with titles"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--model", "--user", "-k", "--data", "--cold-start",
                "--history"));
        if (!o.containsKey("--model") || !(o.containsKey("--user") || o.containsKey("--history"))) {
            throw new UsageException("needs --model FILE and --user ID");
        }
        int userId = o.containsKey("--user") ? userId(o.get("--user")) : 0;
        int k = o.containsKey("-k") ? Main.positiveInt("-k", o.get("-k")) : 10;
        boolean coldStart = o.containsKey("--cold-start");
        if (coldStart && !o.get("--cold-start").equals("popularity")) {
            throw new UsageException("--cold-start takes 'popularity', got '" + o.get("--cold-start") + "'");
        }
        Path modelPath = ExampleOptions.path("--model", o.get("--model"));
        if (!ModelFiles.exists(modelPath)) {
            throw new UsageException("--model: no model at " + ModelFiles.weightsPath(modelPath)
                    + " (save one with ./jgrad example movie-dot --save FILE)");
        }
        ModelFiles.Loaded loaded = ModelFiles.read(modelPath);
        if (loaded.model() instanceof SequenceModel sequenceModel) {
            sequenceModel.to(BackendOption.device());
            return SequenceRecommend.run(sequenceModel, loaded.file().getFileName().toString(), o, k, out);
        }
        if (o.containsKey("--history")) {
            throw new UsageException("--history is for sequence models (sasrec, gru4rec); "
                    + loaded.file().getFileName() + " ranks by user, so give --user ID");
        }
        if (!(loaded.model() instanceof Recommender model)) {
            throw new ModelFileException(loaded.file(), "holds a " + loaded.model().getClass().getSimpleName()
                    + ", not a recommender");
        }
        loaded.model().to(BackendOption.device());
        String name = loaded.file().getFileName().toString();
        if (userId < 1 || userId > model.numUsers()) {
            throw new IllegalArgumentException("--user: unknown user; " + name
                    + " knows MovieLens users 1 … " + model.numUsers());
        }
        Optional<Set<Integer>> trained = TrainedUsers.of(loaded.preprocessing());
        boolean untrained = trained.isPresent() && !trained.get().contains(userId);
        if (untrained && !coldStart) {
            throw new IllegalArgumentException("--user: the user was not in the data " + name + " was trained on:"
                    + " its embedding is untrained, so its ranking would mean nothing; add --cold-start popularity"
                    + " for the most-rated movies instead");
        }
        MovieLens100k ml = MovieLensFiles.open(o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data"))
                : null);
        Map<Integer, Movie> movies = new HashMap<>();
        ml.movies().forEach(m -> movies.put(m.id(), m));
        int[] seen = java.util.Arrays.stream(ml.ratings().itemsRatedBy(userId)).filter(i -> i <= model.numItems())
                .map(i -> i - 1).toArray();
        if (trained.isEmpty()) {
            out.printf("note: %s does not list the users it was trained on (saved by an older jgrad), so whether"
                    + " user %d was among them cannot be checked%n", name, userId);
        }
        if (untrained) {
            Popularity popularity = Popularity.of(ml.ratings(), model.numItems());
            double[] counts = popularity.counts();
            int[] top = popularity.topUnseen(seen, k);
            out.printf("cold start: user %d was not in the data %s was trained on; NOT personalised: the %d most-rated"
                    + " movies in u.data that the user has not rated (popularity)%n", userId, name, top.length);
            print(out, top, counts, "ratings", movies);
            return 0;
        }
        int[] top = model.recommend(userId - 1, k, seen);
        double[] scores = model.scoreItems(userId - 1);
        out.printf("top %d unseen movies for user %d (%d rated in u.data), by %s:%n", top.length, userId, seen.length,
                name);
        print(out, top, scores, "score", movies);
        if (k > top.length) {
            out.printf("(-k %d is more than the %d movies user %d has not rated: all are shown)%n", k, top.length, userId);
        }
        return 0;
    }

    private static void print(PrintStream out, int[] top, double[] values, String label, Map<Integer, Movie> movies) {
        for (int r = 0; r < top.length; r++) {
            int movieId = top[r] + 1;
            Movie m = movies.get(movieId);
            out.printf(Locale.ROOT, "%2d. %-60s %s %s  (movie %d)%n", r + 1, m == null ? "?" : m.title(), label,
                    label.equals("score") ? String.format(Locale.ROOT, "%.3f", values[top[r]])
                            : String.valueOf((long) values[top[r]]), movieId);
        }
    }




    /** The --user option; a bad one is refused without its text, which may be an identifier (an e-mail address). */
    static int userId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--user must be a whole number (a user id of at most 10 digits)");
        }
    }
}
