package jgrad.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import jgrad.recsys.Recommender;

/**
 * Every user's top-K items from a saved recommender, as a table {@code (user, rank, item, score)} with K rows
 * per user, best first (rank 1). The items a user has already seen (a DataFrame of {@code (user, item)} pairs,
 * e.g. the ratings it was trained on) are left out, as {@link Recommender#recommend} leaves them out; equal
 * scores go to the lower item id. Users are spread over {@code partitions} tasks; each task scores its users
 * one by one with the model loaded once per executor ({@link ShippedModel}). Ids in and out are the data's
 * ({@code firstId} is the id of the model's user and item 0: 1 for MovieLens).
 */
public final class TopKForUsers {

    /** The output's columns. */
    public static final StructType SCHEMA = new StructType()
            .add("user", DataTypes.IntegerType, false)
            .add("rank", DataTypes.IntegerType, false)
            .add("item", DataTypes.IntegerType, false)
            .add("score", DataTypes.DoubleType, false);

    private TopKForUsers() {
    }

    /** The top {@code k} unseen items of every user the model knows. */
    public static Dataset<Row> recommend(SparkSession spark, ShippedModel<? extends Recommender> model,
                                         Dataset<Row> seen, int k, int firstId, int partitions) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        List<String> names = List.of(seen.columns());
        for (String column : List.of("user", "item")) {
            if (!names.contains(column)) {
                throw new IllegalArgumentException("the seen items have no column '" + column + "' (they have "
                        + names + ")");
            }
        }
        int users = model.get().numUsers();
        Dataset<Row> ids = spark.range(firstId, firstId + (long) users, 1, partitions).toDF("user")
                .withColumn("user", functions.col("user").cast(DataTypes.IntegerType));
        Dataset<Row> histories = seen.select(functions.col("user").cast(DataTypes.IntegerType).as("user"),
                        functions.col("item").cast(DataTypes.IntegerType).as("item"))
                .groupBy("user").agg(functions.collect_list("item").as("items"));
        Dataset<Row> withHistories = ids.join(histories, ids.col("user").equalTo(histories.col("user")), "left")
                .select(ids.col("user"), histories.col("items"));
        return withHistories.flatMap(new UserTopK(model, k, firstId), Encoders.row(SCHEMA));
    }

    private record UserTopK(ShippedModel<? extends Recommender> model, int k, int firstId)
            implements FlatMapFunction<Row, Row> {

        @Override
        public Iterator<Row> call(Row row) {
            Recommender recommender = model.get();
            int user = row.getInt(0);
            List<Integer> items = row.isNullAt(1) ? List.of() : row.getList(1);
            int[] seen = new int[items.size()];
            for (int i = 0; i < seen.length; i++) {
                seen[i] = items.get(i) - firstId;
                if (seen[i] < 0 || seen[i] >= recommender.numItems()) {
                    throw new IllegalArgumentException("user " + user + " has seen item " + items.get(i)
                            + ", which the model does not know (items " + firstId + " … "
                            + (firstId + recommender.numItems() - 1) + ")");
                }
            }
            double[] scores = recommender.scoreItems(user - firstId);
            int[] top = Recommender.topUnseen(scores, k, seen);
            List<Row> out = new ArrayList<>(top.length);
            for (int r = 0; r < top.length; r++) {
                out.add(RowFactory.create(user, r + 1, top[r] + firstId, scores[top[r]]));
            }
            return out.iterator();
        }
    }
}
