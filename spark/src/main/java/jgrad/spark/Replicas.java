package jgrad.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.sql.Row;

/**
 * The replicas of this JVM by (training run, partition). The first step of a partition on an executor copies
 * the partition's rows and builds its model (the task's broadcast copy, read once per replica); later steps reuse both. Spark's speculative execution must be
 * off (its default): two attempts of one partition at once would share a replica.
 */
final class Replicas {

    private static final Map<String, Replica> LIVE = new ConcurrentHashMap<>();

    private Replicas() {
    }

    static Replica get(String run, int partition, Iterator<Row> rows, TrainingTask task, int batchSize, long seed) {
        return LIVE.computeIfAbsent(run + "/" + partition, key -> {
            List<Row> copy = new ArrayList<>();
            rows.forEachRemaining(copy::add);
            return new Replica(task, copy, partition, batchSize, seed);
        });
    }

    static void drop(String run, int partition) {
        LIVE.remove(run + "/" + partition);
    }
}
