package jgrad.spark;

import org.apache.spark.sql.SparkSession;

/** The session of a jgrad command: the given master, no web UI, and Spark's own logging at warnings. */
public final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * A session on {@code master} ({@code local[2]}: two task threads in this JVM; {@code local[2,3]}: and up to
     * three attempts per task). When null: the master {@code spark-submit} set, or {@code local[2]} outside it.
     */
    public static SparkSession start(String master, String appName) {
        if (master == null && System.getProperty("spark.master") == null) {
            master = "local[2]";
        }
        SparkSession.Builder builder = SparkSession.builder().appName(appName).config("spark.ui.enabled", "false")
                .config("spark.sql.debug.maxToStringFields", "200");   // the bank table has 21 columns and more
        if (master != null) {
            builder.master(master);
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
