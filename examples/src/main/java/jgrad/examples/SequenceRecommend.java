package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.data.movielens.Movie;
import jgrad.sequence.SequenceData;
import jgrad.sequence.SequenceFiles;
import jgrad.sequence.SequenceModel;

/**
 * {@code recommend} on a saved next-item model (SASRec, GRU4Rec): the top-K items after a history, which is
 * {@code --history "i j k …"} (item ids in time order) or the whole sequence of {@code --user ID} in the
 * sequence data ({@code --data DIR|FILE}, else ml-100k-seq). Items already in the history are left out;
 * MovieLens titles are shown when ml-100k is at hand.
 */
final class SequenceRecommend {

    private SequenceRecommend() {
    }

    static int run(SequenceModel model, String modelName, Map<String, String> o, int k, PrintStream out) throws Exception {
        if (o.containsKey("--cold-start")) {
            throw new UsageException("--cold-start is for user-embedding models; " + modelName
                    + " reads a history, so every user with one is served");
        }
        int[] history;
        String whose;
        if (o.containsKey("--history")) {
            if (o.containsKey("--user")) {
                throw new UsageException("give --user ID or --history ITEMS, not both");
            }
            history = parseHistory(o.get("--history"));
            whose = "the given history";
        } else {
            Path path = o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data"))
                    : MovieLensFiles.sequences("--data");
            SequenceData data = SequenceFiles.read(path, new SplittableRandom(0));
            int userId = RecommendCommand.userId(o.get("--user"));
            int u = data.indexOf(userId);
            if (u < 0) {
                throw new IllegalArgumentException("--user: unknown user; " + path + " has no sequence for it");
            }
            history = data.sequence(u);
            whose = "user " + userId;
        }
        if (history.length > model.maxLength()) {
            out.printf("note: %s holds %d items; %s reads the last %d (truncated from the left)%n", whose,
                    history.length, modelName, model.maxLength());
        }
        int[] top = model.recommend(history, k);
        double[] scores = model.scores(new int[][] {history})[0];
        Map<Integer, String> titles = titles();
        out.printf("top %d next items for %s (%d items, the latest %s), by %s:%n", top.length, whose, history.length,
                title(titles, history[history.length - 1]), modelName);
        for (int r = 0; r < top.length; r++) {
            out.printf(Locale.ROOT, "%2d. %-60s score %.3f  (item %d)%n", r + 1, title(titles, top[r]), scores[top[r]],
                    top[r]);
        }
        return 0;
    }

    private static int[] parseHistory(String text) {
        String[] words = text.trim().split("[\\s,]+");
        if (text.isBlank()) {
            throw new UsageException("--history is empty: give the items of the history in time order, e.g. \"50 181 1\"");
        }
        int[] items = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            try {
                items[i] = Integer.parseInt(words[i]);
            } catch (NumberFormatException e) {
                throw new UsageException("--history: item " + (i + 1) + " is '" + words[i] + "', not a whole number");
            }
        }
        return items;
    }

    /** MovieLens titles by item id, when ml-100k is found; none otherwise (the ids are printed alone). */
    private static Map<Integer, String> titles() {
        Map<Integer, String> titles = new HashMap<>();
        try {
            for (Movie m : MovieLensFiles.open(null).movies()) {
                titles.put(m.id(), m.title());
            }
        } catch (RuntimeException e) {
            return titles;
        }
        return titles;
    }

    private static String title(Map<Integer, String> titles, int item) {
        return titles.getOrDefault(item, "item " + item);
    }
}
