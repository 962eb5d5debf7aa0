package jgrad.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the directory of real data sets (MovieLens, marketing sets), which is never part of the repository:
 * the system property {@code jgrad.data}, then the environment variable {@code JGRAD_DATA}, then
 * {@code ../shared/data} and {@code ../../shared/data} from the working directory (the latter for a Maven
 * module directory).
 */
public final class SharedData {

    /** What to tell a user who lacks the data. */
    public static final String HOW_TO_GET = "set -Djgrad.data=DIR or JGRAD_DATA=DIR to the data folder, or place it "
            + "at ../shared/data; it holds one folder per data set, e.g. ml-100k/ (MovieLens 100K, from "
            + "https://grouplens.org/datasets/movielens/100k/, unzipped)";

    private SharedData() {
    }

    /** The data directory, if one of the places holds one. */
    public static Optional<Path> directory() {
        for (Path candidate : candidates()) {
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** {@code sub} (e.g. {@code "ml-100k"}) inside the data directory, if it exists. */
    public static Optional<Path> find(String sub) {
        return directory().map(d -> d.resolve(sub)).filter(Files::exists);
    }

    private static List<Path> candidates() {
        List<Path> paths = new ArrayList<>();
        String property = System.getProperty("jgrad.data");
        if (property != null && !property.isBlank()) {
            paths.add(Path.of(property));
        }
        String env = System.getenv("JGRAD_DATA");
        if (env != null && !env.isBlank()) {
            paths.add(Path.of(env));
        }
        paths.add(Path.of("..", "shared", "data"));
        paths.add(Path.of("..", "..", "shared", "data"));
        return paths;
    }
}
