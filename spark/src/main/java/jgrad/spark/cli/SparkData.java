package jgrad.spark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import jgrad.examples.BankClients;

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
        return read(spark, path.toString(), parquet, separator);
    }

    /** {@code location}: a local path, or a URI of any file system the cluster's Hadoop reaches (hdfs://, s3a://). */
    static Dataset<Row> read(SparkSession spark, String location, boolean parquet, char separator) {
        if (parquet) {
            return spark.read().parquet(location);
        }
        return spark.read().option("header", "true").option("sep", String.valueOf(separator))
                .option("inferSchema", "false").option("mode", "FAILFAST").csv(location);
    }

    static void write(Dataset<Row> rows, String location, boolean parquet, char separator) {
        if (parquet) {
            rows.write().parquet(location);
        } else {
            rows.write().option("header", "true").option("sep", String.valueOf(separator)).csv(location);
        }
    }

    /** Whether {@code location} is a path on this machine rather than a URI (hdfs://..., s3a://..., file:/...). */
    static boolean isLocal(String location) {
        return !location.matches("^[A-Za-z][A-Za-z0-9+.-]+:/.*");
    }

    /** The bundled UCI bank file, copied out of the jar to a temporary file that Spark can read. */
    static Path bundledBankFile() throws IOException {
        try (InputStream in = BankClients.class.getResourceAsStream(BankClients.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled data " + BankClients.RESOURCE + " is missing from the"
                        + " class path; rebuild with mvn install");
            }
            Path file = Files.createTempFile("bank-additional-", ".csv");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    /**
     * The CSV's data rows {@code indices[0]}, {@code indices[1]}, … in that order, as a DataFrame of text columns:
     * the rows a seeded split chose, in the order {@code fit} would see them. The driver reads the file once.
     */
    static Dataset<Row> rowsInOrder(SparkSession spark, Path csv, int[] indices) {
        Dataset<Row> file = read(spark, csv, false, BANK_SEPARATOR);
        List<Row> all = file.coalesce(1).collectAsList();
        List<Row> picked = new ArrayList<>(indices.length);
        for (int i : indices) {
            picked.add(all.get(i));
        }
        return spark.createDataFrame(picked, file.schema());
    }

    /** MovieLens 100K's u.data: user, item, rating, timestamp, tab-separated, no header. */
    static Dataset<Row> movieLensRatings(SparkSession spark, String location) {
        return spark.read().option("sep", "\t").option("mode", "FAILFAST").schema(RATINGS).csv(location);
    }
}
