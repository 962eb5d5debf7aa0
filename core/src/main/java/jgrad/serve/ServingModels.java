package jgrad.serve;

import java.util.Objects;

/**
 * The models one server answers with, as one immutable snapshot: a recommender for {@code /recommend},
 * a row scorer for {@code /score} (either may be absent, and its endpoint then answers 404), and a
 * {@code version} that says where they came from (file names and times), shown by {@code /health}.
 */
public record ServingModels(ServedRecommender recommender, RowScorer scorer, String version) {

    public ServingModels {
        Objects.requireNonNull(version, "version");
        if (recommender == null && scorer == null) {
            throw new IllegalArgumentException("nothing to serve: give a recommender, a row scorer or both");
        }
    }
}
