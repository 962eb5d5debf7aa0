package jgrad.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import jgrad.data.csv.Table;
import jgrad.serve.RowScorer;

/**
 * A saved model's scores for every row of a Spark DataFrame: each partition takes its rows in batches of
 * {@code batchSize}, turns each batch into the model's inputs through the preprocessing saved with it
 * (vocabularies, imputation, scaling: {@link RowScorer}) and runs one forward pass per batch. The model is
 * shipped once and loaded once per executor ({@link ShippedModel}). The result is the DataFrame with one more
 * column, {@value #SCORE}, in the order of each partition's rows.
 *
 * <p>A task is a pure function of its partition, so when Spark retries a failed task (on another executor,
 * or the same one) the output still holds each row once: what a failed attempt computed is discarded.
 */
public final class BatchScoring {

    /** The column that holds each row's score. */
    public static final String SCORE = "score";

    private BatchScoring() {
    }

    /**
     * The rows of {@code data} with their scores. The columns the preprocessing needs are checked on the
     * driver (a missing one is an error naming it); values are checked per batch by the model's schema, and a
     * category its vocabulary never saw gets the out-of-vocabulary id, as in one JVM.
     */
    public static Dataset<Row> score(Dataset<Row> data, ShippedModel<? extends RowScorer> model, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be >= 1, got " + batchSize);
        }
        List<String> names = List.of(data.columns());
        if (names.contains(SCORE)) {
            throw new IllegalArgumentException("the DataFrame already has a column '" + SCORE + "'; rename it first");
        }
        RowScorer scorer = model.get();
        int[] positions = RowTables.positions(scorer.schema(), names, "the DataFrame");
        StructType out = data.schema().add(SCORE, DataTypes.DoubleType, false);
        return data.mapPartitions(new ScorePartition(model, positions, batchSize), Encoders.row(out));
    }

    private record ScorePartition(ShippedModel<? extends RowScorer> model, int[] positions, int batchSize)
            implements MapPartitionsFunction<Row, Row> {

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new ScoredRows(rows, model.get(), positions, batchSize);
        }
    }

    /** Pulls a batch, scores it, hands its rows out, and only then pulls the next: a partition never sits whole in memory. */
    private static final class ScoredRows implements Iterator<Row> {

        private final Iterator<Row> input;
        private final RowScorer scorer;
        private final int[] positions;
        private final int batchSize;
        private final List<Row> batch = new ArrayList<>();
        private double[] scores = new double[0];
        private int next;
        private long rowsBefore;

        ScoredRows(Iterator<Row> input, RowScorer scorer, int[] positions, int batchSize) {
            this.input = input;
            this.scorer = scorer;
            this.positions = positions;
            this.batchSize = batchSize;
        }

        @Override
        public boolean hasNext() {
            if (next < batch.size()) {
                return true;
            }
            rowsBefore += batch.size();
            batch.clear();
            next = 0;
            while (batch.size() < batchSize && input.hasNext()) {
                batch.add(input.next());
            }
            if (batch.isEmpty()) {
                return false;
            }
            Table table = RowTables.of(batch, positions, scorer.schema(), scorer.format(), where());
            scores = scorer.score(table);
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = batch.get(next);
            Object[] values = new Object[row.length() + 1];
            for (int i = 0; i < row.length(); i++) {
                values[i] = row.get(i);
            }
            values[row.length()] = scores[next++];
            return RowFactory.create(values);
        }

        /**
         * Names the batch in errors: the partition and its rows, counted from 1 within the partition; the reader
         * adds the line of the batch's CSV, whose line 1 is the header.
         */
        private String where() {
            TaskContext task = TaskContext.get();
            String partition = task == null ? "" : "partition " + task.partitionId() + ", ";
            String line = rowsBefore == 0 ? "row n" : "row " + rowsBefore + "+n";
            return partition + "rows " + (rowsBefore + 1) + "-" + (rowsBefore + batch.size()) + " (line n+1 is " + line
                    + ")";
        }
    }
}
