package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MovieLens commands' answers to missing data, unknown names and bad options (no training). */
class MovieCommandsTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingMovieLensSaysWhereToGetItAndWhereToPutIt(@TempDir Path empty) {
        for (String example : new String[] {"movie-dot", "movie-concat", "movie-mlp", "movie-bmf", "neumf"}) {
            Run r = run("example", example, "--data", empty.toString(), "--epochs", "1");
            assertEquals(1, r.code(), example);
            assertTrue(r.err().contains("https://grouplens.org/datasets/movielens/100k/")
                    && r.err().contains("--data"), example + ": " + r.err());
        }
    }

    @Test
    void unknownExamplesAndOptionsAreRefused() {
        Run name = run("example", "movie-nope");
        assertEquals(2, name.code());
        assertTrue(name.err().contains("movie-dot") && name.err().contains("neumf"), name.err());
        Run option = run("example", "movie-dot", "--pretrain");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("--pretrain"), option.err());
        Run recommend = run("recommend", "--user", "1");
        assertEquals(2, recommend.code());
        assertTrue(recommend.err().contains("--model"), recommend.err());
    }

    /**
     * A user the model was not trained on gets an explicit, labelled popularity answer when asked for one:
     * the most-rated movies of u.data that the user has not rated, counted here from u.data directly.
     */
    @Test
    void aColdStartUserGetsTheMostRatedUnseenMoviesLabelledAsSuch(@TempDir Path dir) throws Exception {
        Path ml;
        try {
            ml = MovieLensFiles.ml100k(null);
        } catch (IllegalStateException absent) {
            org.junit.jupiter.api.Assumptions.abort("MovieLens 100K is absent: " + absent.getMessage());
            return;
        }
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        java.util.Set<Integer> seenByThree = new java.util.HashSet<>();
        for (String line : java.nio.file.Files.readAllLines(ml.resolve("u.data"))) {
            String[] f = line.split("\t");
            int item = Integer.parseInt(f[1]);
            counts.merge(item, 1, Integer::sum);
            if (f[0].equals("3")) {
                seenByThree.add(item);
            }
        }
        int expected = counts.entrySet().stream().filter(e -> !seenByThree.contains(e.getKey()))
                .max(java.util.Map.Entry.<Integer, Integer>comparingByValue()
                        .thenComparing(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElseThrow().getKey();
        Path model = dir.resolve("dot");
        jgrad.io.ModelFiles.save(new jgrad.recsys.DotRecommender(943, 1682, 4, jgrad.backend.DType.F32,
                new java.util.SplittableRandom(1)), model, TrainedUsers.describe(new int[] {0, 1}));
        Run refused = run("recommend", "--model", model.toString(), "--user", "3");
        assertEquals(1, refused.code(), refused.err());
        Run r = run("recommend", "--model", model.toString(), "--user", "3", "-k", "3", "--cold-start", "popularity");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("cold start: user 3 was not in the data dot.safetensors was trained on; NOT"
                + " personalised"), r.out());
        assertTrue(lines[1].startsWith(" 1. ") && lines[1].contains("ratings " + counts.get(expected))
                && lines[1].endsWith("(movie " + expected + ")"), r.out());
        assertEquals(4, lines.length, r.out());
    }
}
