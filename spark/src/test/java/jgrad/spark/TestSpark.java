package jgrad.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One session shared by the module's tests (a session takes seconds to start on two cores): two task threads,
 * and two attempts per task, so that a test can fail a task once and watch Spark retry it.
 */
public final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {   // a command's run stops its session
            session = SparkSession.builder().master("local[2,2]").appName("jgrad-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
        }
        return session;
    }
}
