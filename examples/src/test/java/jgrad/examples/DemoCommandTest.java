package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.campaign.bank.BankModel;
import jgrad.data.csv.Table;
import jgrad.io.ModelFiles;
import jgrad.metrics.ClassificationMetrics;

class DemoCommandTest {

    private static DemoCommand.Outcome outcome;
    private static String printed;

    /** One short run on the bundled data, shared by the assertions below (the suite runs twice). */
    @BeforeAll
    static void runDemo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        outcome = DemoCommand.run(null, 4, 7, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void ranksHeldOutClientsWellAboveChance() {
        assertEquals(824, outcome.labels().length, "20 % of the 4,119 bundled clients are held out");
        double auc = ClassificationMetrics.rocAuc(outcome.probabilities(), outcome.labels());
        assertTrue(auc > 0.7, "held-out ROC AUC " + auc);
        assertTrue(outcome.campaign().lift() > 2, "lift at a 10 % budget " + outcome.campaign().lift());
    }

    @Test
    void callsTheMostProbableClientsFirst() {
        int[] called = outcome.campaign().called();
        double[] p = outcome.probabilities();
        assertEquals((int) Math.ceil(0.1 * p.length), called.length);
        for (int k = 1; k < called.length; k++) {
            assertTrue(p[called[k - 1]] >= p[called[k]], "prospect " + k + " is out of order");
        }
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        assertEquals(sorted[sorted.length - 1], p[called[0]], "the first call is the most probable client");
        assertTrue(p[called[called.length - 1]] >= sorted[sorted.length - called.length]);
    }

    @Test
    void printsConfigurationEpochsMetricsSegmentsAndProspects() {
        for (String expected : new String[] {"'duration' is dropped", "Epoch 1/4", "ROC AUC", "log loss",
            "lift", "by age", "by previous outcome", "top prospects"}) {
            assertTrue(printed.contains(expected), "missing '" + expected + "' in:\n" + printed);
        }
        String auc = String.format(Locale.ROOT, "%.4f", ClassificationMetrics.rocAuc(outcome.probabilities(), outcome.labels()));
        assertTrue(printed.contains("ROC AUC            " + auc), "the printed AUC is the computed one");
    }

    @Test
    void printsTheLogisticRegressionBaselineOnTheSameSplitBesideTheModel() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "baseline  ridge logistic regression .* held-out ROC AUC ([0-9.]+); this model ([0-9.]+) \\(([-+][0-9.]+)\\)")
                .matcher(printed);
        assertTrue(m.find(), "no baseline line in:\n" + printed);
        double baseline = Double.parseDouble(m.group(1));
        double model = Double.parseDouble(m.group(2));
        assertEquals(ClassificationMetrics.rocAuc(outcome.probabilities(), outcome.labels()), model, 5e-5);
        assertEquals(model - baseline, Double.parseDouble(m.group(3)), 1.1e-4);
        assertTrue(baseline > 0.7 && baseline < 0.85, "ridge logistic regression on these clients: " + baseline);
    }

    @Test
    void sameSeedSameProbabilities() throws Exception {
        DemoCommand.Outcome again = DemoCommand.run(null, 4, 7, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        assertArrayEquals(outcome.probabilities(), again.probabilities(), "same seed, same backend: the same bits");
    }

    @Test
    void commandLineSavesTheModel(@TempDir Path dir) {
        Path file = dir.resolve("bank");
        Run run = Run.of("demo", "--epochs", "1", "--seed", "3", "--save", file.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.exists(ModelFiles.weightsPath(file)) && !Files.exists(ModelFiles.architecturePath(file)),
                "one file holds the model");
    }

    @Test
    void aSavedModelScoresRawClientsThroughItsOwnVocabulariesAndScaling(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("bank");
        ModelFiles.save(outcome.model(), model, outcome.features().describe());
        Path clients = dir.resolve("clients.csv");
        Files.copy(Path.of("src/main/resources" + BankClients.RESOURCE), clients);
        Path scores = dir.resolve("scores.csv");
        Run run = Run.of("score", "--model", model.toString(), "--data", clients.toString(), "-k", "3",
                "--out", scores.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("top prospects") && run.out().contains("ROC AUC"), run.out());
        List<String> lines = Files.readAllLines(scores);
        assertEquals("row,probability", lines.get(0));
        Table table = BankClients.load(clients);
        double[] expected = BankModel.probabilities(outcome.model(), outcome.features().inputs(table));
        assertEquals(expected.length + 1, lines.size());
        for (int r = 0; r < expected.length; r++) {
            String[] cells = lines.get(r + 1).split(",");
            assertEquals(r + 1, Integer.parseInt(cells[0]));
            assertEquals(expected[r], Double.parseDouble(cells[1]), "client " + (r + 1) + ": the same bits");
        }
    }

    @Test
    void scoringRefusesAModelSavedWithoutItsPreprocessing(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("bare");
        ModelFiles.save(outcome.model(), model);
        Run run = Run.of("score", "--model", model.toString(), "--data", "src/main/resources" + BankClients.RESOURCE);
        assertEquals(1, run.code());
        assertTrue(run.err().contains("bare.safetensors") && run.err().contains("saved without its vocabularies"), run.err());
        Run usage = Run.of("score", "--model", model.toString());
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("needs --model FILE"), usage.err());
    }

    @Test
    void badArgumentsAreExplained() {
        Run epochs = Run.of("demo", "--epochs", "zero");
        assertEquals(2, epochs.code());
        assertTrue(epochs.err().contains("--epochs must be a positive whole number, got 'zero'"), epochs.err());
        Run unknown = Run.of("demo", "--epoch", "3");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown option '--epoch'"), unknown.err());
        Run missing = Run.of("demo", "--seed");
        assertTrue(missing.err().contains("--seed needs a value"), missing.err());
        Run seed = Run.of("demo", "--seed", "1.5");
        assertTrue(seed.err().contains("--seed must be a whole number"), seed.err());
    }

    @Test
    void missingOrMalformedDataFileIsNamed(@TempDir Path dir) throws Exception {
        Run absent = Run.of("demo", "--data", dir.resolve("nope.csv").toString());
        assertEquals(1, absent.code());
        assertTrue(absent.err().contains("nope.csv: no such file"), absent.err());
        Path bad = dir.resolve("bad.csv");
        String header = "\"age\";\"job\";\"marital\";\"education\";\"default\";\"housing\";\"loan\";\"contact\";\"month\";"
                + "\"day_of_week\";\"duration\";\"campaign\";\"pdays\";\"previous\";\"poutcome\";\"emp.var.rate\";"
                + "\"cons.price.idx\";\"cons.conf.idx\";\"euribor3m\";\"nr.employed\";\"y\"";
        String row = "thirty;\"admin.\";\"single\";\"basic.4y\";\"no\";\"no\";\"no\";\"cellular\";\"may\";\"fri\";10;1;999;0;"
                + "\"nonexistent\";-1.8;92.893;-46.2;1.313;5099.1;\"no\"";
        Files.writeString(bad, header + "\r\n" + row + "\r\n");
        Run malformed = Run.of("demo", "--data", bad.toString());
        assertEquals(1, malformed.code());
        assertTrue(malformed.err().contains("bad.csv:2: ") && malformed.err().contains("age"), malformed.err());
    }
}
