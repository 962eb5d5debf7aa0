package jgrad.serve;

import java.util.BitSet;
import java.util.Objects;

import jgrad.recsys.HistoryRecommender;
import jgrad.recsys.Recommender;

/**
 * A recommender as the server sees it: the model, the users it may answer for, and each user's history
 * (items in the order the user met them), which is both what a user has seen (never recommended again) and
 * what a {@link HistoryRecommender} reads.
 *
 * <p>Ids on the wire are the data's own: user {@code firstId + u} is the model's dense user {@code u}, item
 * {@code firstId + i} its item {@code i} (MovieLens counts from 1). A user is known when the model has an
 * embedding for it that was trained (a {@link Recommender} saved with the users it saw), or, for a
 * {@link HistoryRecommender}, when the user has a history; any other user is a 404, not a meaningless
 * ranking.
 */
public final class ServedRecommender {

    /** A ranking: item ids (the data's, best first) and their scores. */
    public record Ranking(int[] items, double[] scores) {
    }

    private final Recommender byUser;             // one of the two is null
    private final HistoryRecommender byHistory;
    private final String name;
    private final int firstId;
    private final int[][] histories;              // [dense user] → dense items, oldest first
    private final BitSet trained;                 // dense users the model learned, or null: all of them

    private ServedRecommender(Recommender byUser, HistoryRecommender byHistory, String name, int firstId,
            int[][] histories, BitSet trained) {
        this.byUser = byUser;
        this.byHistory = byHistory;
        this.name = Objects.requireNonNull(name, "name");
        this.firstId = firstId;
        this.histories = copy(histories);
        this.trained = trained == null ? null : (BitSet) trained.clone();
    }

    /**
     * A per-user model. {@code histories[u]} are the items dense user {@code u} has seen (null or empty: none);
     * {@code trained} holds the dense users the model was trained on, or is null when all were.
     */
    public static ServedRecommender of(Recommender model, String name, int firstId, int[][] histories,
            BitSet trained) {
        Objects.requireNonNull(model, "model");
        if (histories.length > model.numUsers()) {
            throw new IllegalArgumentException("histories for " + histories.length + " users, but " + name
                    + " knows " + model.numUsers());
        }
        checkItems(histories, model.numItems(), name);
        return new ServedRecommender(model, null, name, firstId, histories, trained);
    }

    /** A sequence model: it answers for every user with a non-empty history, from that history. */
    public static ServedRecommender ofHistory(HistoryRecommender model, String name, int firstId,
            int[][] histories) {
        Objects.requireNonNull(model, "model");
        checkItems(histories, model.numItems(), name);
        return new ServedRecommender(null, model, name, firstId, histories, null);
    }

    public String name() {
        return name;
    }

    public int numItems() {
        return byUser != null ? byUser.numItems() : byHistory.numItems();
    }

    /** The best {@code k} unseen items for {@code userId} (the data's id); 404 for a user it cannot answer for. */
    public Ranking recommend(int userId, int k) {
        int user = knownUser(userId);
        int[] history = history(user);
        double[] scores = byUser != null ? byUser.scoreItems(user) : byHistory.scoreNext(history);
        int[] best = Recommender.topUnseen(scores, k, history);
        int[] items = new int[best.length];
        double[] bestScores = new double[best.length];
        for (int r = 0; r < best.length; r++) {
            items[r] = best[r] + firstId;
            bestScores[r] = scores[best[r]];
        }
        return new Ranking(items, bestScores);
    }

    /** The dense user of a request's id; a refusal names the range and the reason, never the id (a person's). */
    private int knownUser(int userId) {
        long user = (long) userId - firstId;
        if (byUser != null) {
            if (user < 0 || user >= byUser.numUsers()) {
                throw ApiException.notFound("unknown user: " + name + " knows users " + firstId
                        + " … " + (firstId + byUser.numUsers() - 1));
            }
            if (trained != null && !trained.get((int) user)) {
                throw ApiException.notFound("the user was not in the data " + name + " was trained on:"
                        + " its embedding is untrained, so a ranking would mean nothing");
            }
            return (int) user;
        }
        if (user < 0 || user >= histories.length || history((int) user).length == 0) {
            throw ApiException.notFound("unknown user: no history to recommend from");
        }
        return (int) user;
    }

    private int[] history(int user) {
        return user < histories.length && histories[user] != null ? histories[user] : new int[0];
    }

    private static void checkItems(int[][] histories, int numItems, String name) {
        for (int u = 0; u < histories.length; u++) {
            if (histories[u] == null) {
                continue;
            }
            for (int item : histories[u]) {
                if (item < 0 || item >= numItems) {
                    throw new IllegalArgumentException("the history in row " + u + " holds an item outside the "
                            + numItems + " items of " + name);
                }
            }
        }
    }

    private static int[][] copy(int[][] histories) {
        int[][] out = new int[histories.length][];
        for (int u = 0; u < out.length; u++) {
            out[u] = histories[u] == null ? null : histories[u].clone();
        }
        return out;
    }
}
