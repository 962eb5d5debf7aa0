package jgrad.examples;

import java.nio.file.Path;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The files of the spark commands: CSV (every column read as text, so jgrad's reader parses it) or Parquet. */
final class SparkData {

    /** The UCI bank files' separator. */
    static final char BANK_SEPARATOR = ';';

    private static final StructType RATINGS = new StructType()
            .add("user", DataTypes.IntegerType, false)
            .add("item", DataTypes.IntegerType, false)
            .add("rating", DataTypes.IntegerType, false)
            .add("timestamp", DataTypes.LongType, false);

    private SparkData() {
    }

    static Dataset<Row> read(SparkSession spark, Path path, boolean parquet, char separator) {
        if (parquet) {
            return spark.read().parquet(path.toString());
        }
        return spark.read().option("header", "true").option("sep", String.valueOf(separator))
                .option("inferSchema", "false").option("mode", "FAILFAST").csv(path.toString());
    }

    static void write(Dataset<Row> rows, Path dir, boolean parquet, char separator) {
        if (parquet) {
            rows.write().parquet(dir.toString());
        } else {
            rows.write().option("header", "true").option("sep", String.valueOf(separator)).csv(dir.toString());
        }
    }

    /** MovieLens 100K's u.data: user, item, rating, timestamp, tab-separated, no header. */
    static Dataset<Row> movieLensRatings(SparkSession spark, Path file) {
        return spark.read().option("sep", "\t").option("mode", "FAILFAST").schema(RATINGS).csv(file.toString());
    }
}
