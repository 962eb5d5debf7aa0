package jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Spark starts in local[2] inside this JDK and runs a plain Java function over a Dataset. */
class SparkProbeTest {

    @Test
    void mapsADatasetOnThisJdk() {
        SparkSession spark = TestSpark.session();
        Dataset<Integer> squares = spark.createDataset(List.of(1, 2, 3, 4, 5), Encoders.INT())
                .map((MapFunction<Integer, Integer>) x -> x * x, Encoders.INT());
        assertEquals(List.of(1, 4, 9, 16, 25), squares.collectAsList());
        assertEquals(25, Runtime.version().feature(), "this module is meant to be tested on JDK 25");
    }
}
