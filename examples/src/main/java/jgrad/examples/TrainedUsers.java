package jgrad.examples;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The MovieLens users a recommender saw in training, saved with it as {@code "trained_users"} (ids 1 …),
 * so that {@code recommend} can tell a user the model knows from one whose embedding is still its random
 * initialisation: ranking movies for the latter would be an answer without meaning.
 */
final class TrainedUsers {

    static final String KEY = "trained_users";

    private TrainedUsers() {
    }

    /** The preprocessing to save with a model trained on these dense user ids (MovieLens id − 1). */
    static Map<String, Object> describe(int[] denseUsers) {
        int[] ids = Arrays.stream(denseUsers).distinct().sorted().map(u -> u + 1).toArray();
        return Map.of(KEY, ids);
    }

    /** The MovieLens ids a saved model was trained on; empty when the model was saved without them. */
    static Optional<Set<Integer>> of(Map<?, ?> preprocessing) {
        if (!(preprocessing.get(KEY) instanceof List<?> ids)) {
            return Optional.empty();
        }
        Set<Integer> out = new HashSet<>();
        for (Object id : ids) {
            if (id instanceof Number n) {
                out.add(n.intValue());
            }
        }
        return Optional.of(out);
    }
}
