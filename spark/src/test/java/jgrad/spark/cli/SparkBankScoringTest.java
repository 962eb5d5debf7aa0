package jgrad.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.campaign.bank.BankScorer;
import jgrad.data.csv.Table;
import jgrad.examples.BankClients;
import jgrad.spark.BatchScoring;
import jgrad.spark.ShippedModel;
import jgrad.spark.TestSpark;

/** The demo's campaign model on Spark gives every client of the bundled file the single JVM's score, bit for bit. */
class SparkBankScoringTest {

    @TempDir
    static Path dir;
    static Path model;
    static double[] expected;
    static SparkSession spark;

    @BeforeAll
    static void trainAndScoreInOneJvm() throws Exception {
        model = BankDemoModels.trainAndSave(dir, 2, 42);
        Table clients = BankClients.load(BankDemoModels.BUNDLED);
        expected = BankScorer.load(model).score(clients);   // what ./jgrad score computes
        spark = TestSpark.session();
    }

    /** The bundled CSV with each row's position in the file, spread over {@code partitions} partitions. */
    private static Dataset<Row> clients(int partitions) {
        Dataset<Row> rows = SparkData.read(spark, BankDemoModels.BUNDLED, false, SparkData.BANK_SEPARATOR);
        assertEquals(1, rows.rdd().getNumPartitions(), "a small file is read as one partition, in file order");
        return rows.withColumn("position", functions.monotonically_increasing_id()).repartition(partitions);
    }

    @Test
    void scoresEqualTheSingleJvmBitForBit() throws Exception {
        ShippedModel<BankScorer> shipped = ShippedModel.ship(spark, model, BankScorer::load);
        int loadsBefore = jgrad.spark.ExecutorModelsProbe.loads();
        List<Row> scored = BatchScoring.score(clients(3), shipped, 100).collectAsList();
        assertEquals(expected.length, scored.size());
        boolean[] seen = new boolean[expected.length];
        for (Row row : scored) {
            int position = (int) row.getLong(row.fieldIndex("position"));
            assertTrue(!seen[position], "row " + position + " scored twice");
            seen[position] = true;
            double score = row.getDouble(row.fieldIndex(BatchScoring.SCORE));
            assertEquals(Double.doubleToRawLongBits(expected[position]), Double.doubleToRawLongBits(score),
                    "row " + position + ": Spark " + score + ", one JVM " + expected[position]);
        }
        assertEquals(loadsBefore, jgrad.spark.ExecutorModelsProbe.loads(),
                "the driver loaded the model when it was shipped; the tasks of this JVM reuse that load");
    }

    @Test
    void aCategoryTheVocabularyNeverSawIsScoredAsInOneJvm() throws Exception {
        Path unseen = dir.resolve("astronauts.csv");
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(BankDemoModels.BUNDLED));
        for (int r = 1; r < lines.size(); r++) {
            lines.set(r, lines.get(r).replaceFirst(";\"[a-z.-]+\";", ";\"astronaut\";"));   // the job column
        }
        java.nio.file.Files.write(unseen, lines);
        double[] oneJvm = BankScorer.load(model).score(BankClients.load(unseen));
        ShippedModel<BankScorer> shipped = ShippedModel.ship(spark, model, BankScorer::load);
        Dataset<Row> rows = SparkData.read(spark, unseen, false, SparkData.BANK_SEPARATOR);
        assertEquals("astronaut", rows.first().getString(rows.first().fieldIndex("job")));
        List<Row> scored = BatchScoring.score(rows, shipped, 256).collectAsList();
        for (int r = 0; r < oneJvm.length; r++) {
            assertEquals(oneJvm[r], scored.get(r).getDouble(scored.get(r).fieldIndex(BatchScoring.SCORE)), 0.0,
                    "row " + r);
        }
    }

    @Test
    void aMissingColumnIsNamedOnTheDriver() throws Exception {
        ShippedModel<BankScorer> shipped = ShippedModel.ship(spark, model, BankScorer::load);
        var e = assertThrows(IllegalArgumentException.class,
                () -> BatchScoring.score(clients(2).drop("euribor3m"), shipped, 100));
        assertTrue(e.getMessage().contains("no column 'euribor3m'"), e.getMessage());
    }
}
