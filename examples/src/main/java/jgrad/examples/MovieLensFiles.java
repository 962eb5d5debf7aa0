package jgrad.examples;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jgrad.data.SharedData;
import jgrad.data.movielens.MovieLens100k;

/**
 * Finds MovieLens 100K for the examples: {@code --data PATH} (the ml-100k folder or the folder that holds
 * it), else {@link SharedData} (-Djgrad.data, $JGRAD_DATA, ../shared/data from the working directory),
 * else ../shared/data next to the repository (the launcher runs from anywhere). MovieLens is never part
 * of the repository: its license forbids redistribution.
 */
public final class MovieLensFiles {

    static final String ML_100K = "ml-100k";
    static final String LOO = "ml-100k-loo";
    static final String SEQ = "ml-100k-seq";

    private MovieLensFiles() {
    }

    /** The ml-100k folder, or a message saying where to download it and where to put it. */
    static Path ml100k(Path given) {
        Path dir = locate(given, ML_100K).orElseThrow(() -> new IllegalStateException(
                "MovieLens 100K not found" + (given == null ? "" : " at " + given) + ". Download ml-100k.zip from "
                        + "https://grouplens.org/datasets/movielens/100k/, unzip it, and pass --data DIR/ml-100k; or "
                        + SharedData.HOW_TO_GET));
        if (!Files.exists(dir.resolve("u.data"))) {
            throw new IllegalStateException(dir + " holds no u.data: is it the unzipped ml-100k folder?");
        }
        return dir;
    }

    public static MovieLens100k open(Path given) {
        return MovieLens100k.in(ml100k(given));
    }

    /** The leave-one-out candidates file, beside the ml-100k folder. */
    public static Path looNegatives(Path given) {
        Path ml = ml100k(given);
        Path file = ml.resolveSibling(LOO).resolve("test_negatives.tsv");
        if (!Files.exists(file)) {
            throw new IllegalStateException("the leave-one-out candidates " + file + " are missing: the NCF examples "
                    + "rank each user's latest item among the 99 items listed there (the folder " + LOO
                    + " of the shared data, next to " + ML_100K + ")");
        }
        return file;
    }

    /**
     * The ml-100k-seq folder (sequences and fixed negatives), or a message saying where it comes from and which
     * option of the command ({@code option}: --data, or serve's --sequences) points at another one.
     */
    static Path sequences(String option) {
        return SharedData.find(SEQ).or(() -> besideRepository(SEQ)).orElseThrow(() -> new IllegalStateException(
                "MovieLens 100K as sequences (" + SEQ + ") not found: pass " + option + " DIR (a folder with sequences.tsv, "
                        + "valid_negatives.tsv and test_negatives.tsv) or a file of 'user item' lines; or "
                        + SharedData.HOW_TO_GET));
    }

    private static Optional<Path> locate(Path given, String sub) {
        if (given != null) {
            if (Files.exists(given.resolve("u.data"))) {
                return Optional.of(given);
            }
            return Optional.of(given.resolve(sub)).filter(Files::isDirectory);
        }
        return SharedData.find(sub).or(() -> besideRepository(sub));
    }

    /** ../shared/data/sub relative to the repository root: the nearest folder above this program's code with the launcher. */
    private static Optional<Path> besideRepository(String sub) {
        try {
            Path code = Path.of(MovieLensFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = code.getParent(); dir != null && dir.getParent() != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("jgrad")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                    return Optional.of(dir.getParent().resolve("shared/data").resolve(sub)).filter(Files::isDirectory);
                }
            }
            return Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
