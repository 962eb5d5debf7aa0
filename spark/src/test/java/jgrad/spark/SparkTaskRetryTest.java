package jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.backend.DType;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.io.ModelFiles;
import jgrad.recsys.DotRecommender;
import jgrad.serve.RowScorer;

/**
 * A partition that fails half-way through its first attempt is retried by Spark, and the written output still
 * holds each row once, with the score a clean run gives it.
 */
class SparkTaskRetryTest {

    static final int ROWS = 1000;

    @TempDir
    Path dir;

    /** Batches scored so far by each task attempt. */
    static final java.util.Map<Long, Integer> BATCHES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Scores a row by its user id (a model file is still shipped and loaded); fails once, mid-partition. */
    record FailingOnce(DotRecommender model) implements RowScorer {
        @Override public String name() { return "failing once"; }
        @Override public Schema schema() { return Schema.of(Column.of("user", ColumnType.INT)); }
        @Override public CsvFormat format() { return CsvFormat.csv(); }

        @Override
        public double[] score(Table rows) {
            TaskContext task = TaskContext.get();
            int[] users = rows.ints("user");
            int batch = BATCHES.merge(task.taskAttemptId(), 1, Integer::sum);
            if (task.partitionId() == 1 && task.attemptNumber() == 0 && batch == 3) {
                throw new IllegalStateException("injected failure in partition 1, first attempt");
            }
            double[] s = new double[users.length];
            for (int i = 0; i < users.length; i++) {
                s[i] = model.scoreItems(users[i] % model.numUsers())[0];
            }
            return s;
        }
    }

    @Test
    void aRetriedPartitionIsWrittenOnce() throws Exception {
        DotRecommender model = new DotRecommender(10, 4, 2, DType.F32, new SplittableRandom(5));
        Path file = dir.resolve("m");
        ModelFiles.save(model, file);
        SparkSession spark = TestSpark.session();
        List<Row> rows = new ArrayList<>();
        for (int u = 0; u < ROWS; u++) {
            rows.add(RowFactory.create(u));
        }
        Dataset<Row> users = spark.createDataFrame(rows, new StructType().add("user", DataTypes.IntegerType))
                .coalesce(1).repartition(2);
        ShippedModel<FailingOnce> shipped = ShippedModel.ship(spark, file,
                f -> new FailingOnce((DotRecommender) ModelFiles.load(f)));

        Path out = dir.resolve("scores");
        BatchScoring.score(users, shipped, 64).write().parquet(out.toString());

        List<Row> written = spark.read().parquet(out.toString()).collectAsList();
        assertEquals(ROWS, written.size());
        double[] score = new double[ROWS];
        boolean[] seen = new boolean[ROWS];
        for (Row r : written) {
            int u = r.getInt(0);
            assertEquals(false, seen[u], "user " + u + " written twice");
            seen[u] = true;
            score[u] = r.getDouble(1);
        }
        for (int u = 0; u < ROWS; u++) {
            assertEquals(model.scoreItems(u % 10)[0], score[u], 0.0, "user " + u);
        }
    }
}
