package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import jgrad.campaign.bank.BankScorer;
import jgrad.data.csv.Table;

/**
 * A demo model saved before its classes moved from the examples to core ({@code jgrad.campaign.bank}) still
 * loads, and scores the bundled clients as {@code ./jgrad score} scored them then (src/test/resources/saved).
 */
class SavedDemoModelTest {

    private static final Path SAVED = Path.of("src/test/resources/saved");

    @Test
    void aModelSavedBeforeTheMoveScoresAsItDidThen() throws Exception {
        List<String> lines = Files.readAllLines(SAVED.resolve("bank-demo-cb5d76d-scores.csv"));
        assertEquals("row,probability", lines.getFirst());
        double[] then = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
        Table clients = BankClients.load(null).select(IntStream.range(0, then.length).toArray());

        double[] now = BankScorer.load(SAVED.resolve("bank-demo-cb5d76d")).score(clients);

        assertArrayEquals(then, now, 1e-6);
    }
}
