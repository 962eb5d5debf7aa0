package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pop, gru4rec and sasrec end to end on a small user-item file, and recommend on the saved models. */
class SequenceExampleTest {

    @TempDir
    Path dir;

    /** 30 users walking the cycle 1 → … → 20 → 1 from their own start, 8 to 12 items each. */
    private Path cycles() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int u = 1; u <= 30; u++) {
            for (int t = 0; t < 8 + u % 5; t++) {
                text.append(u).append(' ').append(1 + (u + t) % 20).append('\n');
            }
        }
        return Files.writeString(dir.resolve("cycles.txt"), text);
    }

    @Test
    void trainsSavesAndRecommends() throws IOException {
        String data = cycles().toString();
        Run pop = Run.of("example", "pop", "--data", data);
        assertEquals(0, pop.code(), pop.err());
        assertTrue(pop.out().contains("30 users (30 with validation and test targets), 20 items"), pop.out());
        for (String model : new String[] {"gru4rec", "sasrec"}) {
            Path saved = dir.resolve(model);
            Run train = Run.of("example", model, "--data", data, "--epochs", "2", "--save", saved.toString());
            assertEquals(0, train.code(), train.err());
            assertTrue(train.out().contains("epoch   2  loss"), train.out());
            assertTrue(train.out().contains("best epoch"), train.out());
            Run rec = Run.of("recommend", "--model", saved.toString(), "--user", "3", "--data", data, "-k", "5");
            assertEquals(0, rec.code(), rec.err());
            assertTrue(rec.out().contains("top 5 next items for user 3"), rec.out());
            assertEquals(5, rec.out().lines().filter(l -> l.matches(" ?\\d\\. .*\\(item \\d+\\)")).count(), rec.out());
        }
    }
}
