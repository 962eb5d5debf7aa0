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
}
