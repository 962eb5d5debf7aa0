package jgrad.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.io.InputFileException;

class SequenceFilesTest {

    @TempDir
    Path dir;

    private Path layout(String sequences, String valid, String test) throws IOException {
        Files.writeString(dir.resolve("sequences.tsv"), sequences);
        Files.writeString(dir.resolve("valid_negatives.tsv"), valid);
        Files.writeString(dir.resolve("test_negatives.tsv"), test);
        return dir;
    }

    @Test
    void readsTheSeqLayoutWithItsSplit() throws IOException {
        SequenceData d = SequenceFiles.read(layout("7\t3 1 4 1 5\n9\t2 6 5\n", "7\t1\t2 6\n9\t6\t1 3\n",
                "7\t5\t2 6\n9\t5\t1 4\n"), new SplittableRandom(1));
        assertEquals(6, d.numItems());
        assertEquals(2, d.numUsers());
        assertEquals(7, d.userId(0));
        assertArrayEquals(new int[] {3, 1, 4}, d.trainingPrefix(0));
        assertArrayEquals(new int[] {3, 1, 4, 1}, d.history(0, SequenceData.Target.TEST));
        assertEquals(6, d.target(1, SequenceData.Target.VALID));
        assertArrayEquals(new int[] {1, 4}, d.negatives(1, SequenceData.Target.TEST));
    }

    @Test
    void badLayoutsNameTheFileLineAndProblem() throws IOException {
        assertProblem(layout("7\t\n", "", ""), "sequences.tsv", "line 1, column 2", "empty history");
        assertProblem(layout("7\t3 x 4\n", "", ""), "line 1, column 2", "'x'");
        assertProblem(layout("7\t3 1 4\n", "8\t1\t2\n", "7\t4\t2\n"), "valid_negatives.tsv", "line 1", "unknown user: ");
        var e = assertThrows(InputFileException.class,
                () -> SequenceFiles.read(layout("7\t3 1 4\n", "8\t1\t2\n", "7\t4\t2\n"), new SplittableRandom(1)));
        String problem = e.getMessage().substring(e.getMessage().indexOf("valid_negatives.tsv"));   // not the temp path
        assertFalse(problem.contains("8"), "the user id in: " + e.getMessage());
        assertProblem(layout("7\t3 1 4\n", "7\t1\t2 99\n", "7\t4\t2\n"), "line 1, column 3", "unknown item 99");
        assertProblem(layout("7\t3 1 4\n", "7\t3\t2\n", "7\t4\t2\n"), "target 3", "not item 1");
        assertProblem(layout("7\t3 1 4\n7\t1 2 3\n", "", ""), "line 2", "appears twice");
        assertProblem(layout("7\t3 1 4\n", "", "7\t4\t2\n"), "valid_negatives.tsv", "no line for the user of sequence 1");
    }

    @Test
    void aUserWithOneItemIsTrainedOnButHasNoTargets() throws IOException {
        SequenceData d = SequenceFiles.read(layout("7\t3 1 4 2\n9\t5\n", "7\t4\t2 5\n", "7\t2\t3 5\n"),
                new SplittableRandom(1));
        assertTrue(d.evaluated(0));
        assertFalse(d.evaluated(1));
        assertEquals(1, d.evaluatedUsers());
        assertArrayEquals(new int[] {5}, d.trainingPrefix(1));
        assertProblem(layout("7\t3 1 4 2\n9\t5\n", "7\t4\t2 5\n9\t5\t1\n", "7\t2\t3 5\n"), "line 2, column 1", "the user has 1 items",
                "fewer than 3");
    }

    @Test
    void plainPairsDrawDistinctUnseenNegativesFromTheSeed() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int u = 1; u <= 3; u++) {
            for (int i = 1; i <= 5; i++) {
                text.append(u).append(' ').append(u * 10 + i).append('\n');
            }
        }
        text.append("4 200\n");
        Path file = Files.writeString(dir.resolve("pairs.txt"), text);
        SequenceData a = SequenceFiles.read(file, new SplittableRandom(7));
        SequenceData b = SequenceFiles.read(file, new SplittableRandom(7));
        assertEquals(200, a.numItems());
        assertEquals(3, a.evaluatedUsers());
        assertEquals(35, a.target(2, SequenceData.Target.TEST));
        for (int u = 0; u < 3; u++) {
            int[] neg = a.negatives(u, SequenceData.Target.VALID);
            assertEquals(SequenceFiles.NEGATIVES, neg.length);
            assertEquals(neg.length, Arrays.stream(neg).distinct().count());
            int[] seq = a.sequence(u);
            assertTrue(Arrays.stream(neg).noneMatch(n -> Arrays.stream(seq).anyMatch(s -> s == n)));
            assertArrayEquals(neg, b.negatives(u, SequenceData.Target.VALID));
        }
        Path bad = Files.writeString(dir.resolve("bad.txt"), "1 2\n1 2 3\n");
        assertProblem(bad, "bad.txt", "line 2", "two fields");
    }

    private static void assertProblem(Path path, String... words) {
        var e = assertThrows(InputFileException.class, () -> SequenceFiles.read(path, new SplittableRandom(1)));
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' missing from: " + e.getMessage());
        }
    }
}
