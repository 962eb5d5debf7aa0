package jgrad.spark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jgrad.campaign.bank.BankFeatures;
import jgrad.campaign.bank.BankModel;
import jgrad.data.csv.Table;
import jgrad.examples.BankClients;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.spark.DataParallelTraining;
import jgrad.spark.TestSpark;
import jgrad.tensor.Tensor;
import jgrad.train.Fit;
import jgrad.train.Model;

/** With one partition, data-parallel training on Spark gives the bits of {@code fit} with the same seeds. */
class SparkBankTrainingTest {

    static final int ROWS = 600;
    static final int EPOCHS = 2;
    static final int BATCH = 32;
    static final long MODEL_SEED = 42;
    static final long BATCH_SEED = 7;

    static SparkSession spark;
    static BankFeatures features;
    static Dataset<Row> rows;
    static Map<String, float[]> fitted;

    @BeforeAll
    static void fitInOneJvm() throws Exception {
        spark = TestSpark.session();
        Table clients = BankClients.load(BankDemoModels.BUNDLED).select(IntStream.range(0, ROWS).toArray());
        features = BankFeatures.fit(clients);
        Model model = BankModel.build(features, MODEL_SEED);
        model.compile(Adam.keras(1e-3), Losses::binaryCrossEntropy);
        model.fit(features.inputs(clients), BankFeatures.targets(BankFeatures.labels(clients)), Fit.epochs(EPOCHS)
                .batchSize(BATCH).seed(BATCH_SEED).output(new PrintStream(OutputStream.nullOutputStream())));
        fitted = values(model);
        Dataset<Row> file = SparkData.read(spark, BankDemoModels.BUNDLED, false, SparkData.BANK_SEPARATOR);
        rows = spark.createDataFrame(file.collectAsList().subList(0, ROWS), file.schema());
    }

    private static Map<String, float[]> values(jgrad.nn.Module model) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        model.parameters().forEach((name, p) -> out.put(name, p.toFloatArray()));
        return out;
    }

    private static void assertSameBits(Map<String, float[]> expected, jgrad.nn.Module actual) {
        Map<String, float[]> got = values(actual);
        assertEquals(expected.keySet(), got.keySet());
        expected.forEach((name, e) -> {
            int[] a = new int[e.length];
            int[] b = new int[e.length];
            for (int i = 0; i < e.length; i++) {
                a[i] = Float.floatToRawIntBits(e[i]);
                b[i] = Float.floatToRawIntBits(got.get(name)[i]);
            }
            assertArrayEquals(a, b, name);
        });
    }

    private static DataParallelTraining.Result train(int partitions, int localSteps) {
        BankTraining task = BankTraining.of(features, MODEL_SEED, List.of(rows.columns()));
        return DataParallelTraining.train(rows, task, new DataParallelTraining.Settings(partitions, BATCH, EPOCHS,
                BATCH_SEED, localSteps), epoch -> { });
    }

    @Test
    void gradientAveragingOnOnePartitionIsFit() {
        DataParallelTraining.Result result = train(1, 0);
        assertEquals(EPOCHS * ((ROWS + BATCH - 1) / BATCH), result.synchronizations());
        assertSameBits(fitted, result.model());
    }

    @Test
    void parameterAveragingOnOnePartitionIsFit() {
        DataParallelTraining.Result result = train(1, 5);
        assertEquals((EPOCHS * ((ROWS + BATCH - 1) / BATCH) + 4) / 5, result.synchronizations());
        assertSameBits(fitted, result.model());
    }
}
