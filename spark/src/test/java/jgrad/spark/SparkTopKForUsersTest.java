package jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jgrad.backend.DType;
import jgrad.io.ModelFiles;
import jgrad.recsys.DotRecommender;
import jgrad.recsys.Recommender;

/** Every user's top-K on Spark equals {@link Recommender#recommend} in one JVM: the same items, the same scores. */
class SparkTopKForUsersTest {

    static final int USERS = 23;
    static final int ITEMS = 31;
    static final int K = 5;

    @TempDir
    Path dir;

    @Test
    void everyUsersTopKIsTheSingleJvmsRanking() throws Exception {
        DotRecommender model = new DotRecommender(USERS, ITEMS, 4, DType.F32, new SplittableRandom(3));
        Path file = dir.resolve("dot");
        ModelFiles.save(model, file);
        // users 1 … 23 (ids from 1, as MovieLens); user u has seen items u … u+5 (wrapping), user 23 nothing
        List<Row> pairs = new ArrayList<>();
        int[][] seen = new int[USERS][];
        for (int u = 0; u < USERS - 1; u++) {
            seen[u] = new int[6];
            for (int j = 0; j < 6; j++) {
                seen[u][j] = (u + j) % ITEMS;
                pairs.add(RowFactory.create(u + 1, seen[u][j] + 1));
            }
        }
        seen[USERS - 1] = new int[0];
        SparkSession spark = TestSpark.session();
        Dataset<Row> history = spark.createDataFrame(pairs, new StructType().add("user", DataTypes.IntegerType)
                .add("item", DataTypes.IntegerType));
        ShippedModel<Recommender> shipped = ShippedModel.ship(spark, file, f -> (Recommender) ModelFiles.load(f));

        List<Row> rows = TopKForUsers.recommend(spark, shipped, history, K, 1, 3).collectAsList();

        assertEquals(USERS * K, rows.size());
        int[][] items = new int[USERS][K];
        double[][] scores = new double[USERS][K];
        for (Row r : rows) {
            int u = r.getInt(0) - 1;
            int rank = r.getInt(1);
            items[u][rank - 1] = r.getInt(2) - 1;
            scores[u][rank - 1] = r.getDouble(3);
        }
        for (int u = 0; u < USERS; u++) {
            assertArrayEquals(model.recommend(u, K, seen[u]), items[u], "user " + (u + 1));
            double[] all = model.scoreItems(u);
            for (int r = 0; r < K; r++) {
                assertEquals(all[items[u][r]], scores[u][r], 0.0, "user " + (u + 1) + ", rank " + (r + 1));
            }
        }
    }
}
