package jgrad.spark.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import jgrad.data.LeaveOneOutData;
import jgrad.data.Ratings;
import jgrad.examples.MovieLensFiles;
import jgrad.examples.NcfExample;
import jgrad.recsys.LeaveOneOutTraining;
import jgrad.recsys.PairModel;
import jgrad.spark.DataParallelTraining;

/**
 * {@code spark-train --model gmf}: NCF's GMF on MovieLens 100K's leave-one-out split, first on one machine
 * ({@code LeaveOneOutTraining}, as {@code ./jgrad example gmf}), then trained data-parallel on Spark with each
 * number of partitions ({@link NcfTraining}: fresh negatives each epoch in every partition); HR@10 and NDCG@10
 * of the held-out items among their 99 candidates.
 */
final class NcfDataParallel {

    /** A training positive: the rows Spark shards. */
    static final StructType POSITIVES = new StructType().add("user", DataTypes.IntegerType, false)
            .add("item", DataTypes.IntegerType, false);

    private NcfDataParallel() {
    }

    static void run(SparkSession spark, Path dataDir, int[] partitions, int epochs, int batch, int localSteps,
                    long seed, PrintStream out, PrintStream progress) {
        LeaveOneOutData data = MovieLensFiles.open(dataDir).leaveOneOut(MovieLensFiles.looNegatives(dataDir),
                NcfExample.CANDIDATES);
        LeaveOneOutTraining ranking = new LeaveOneOutTraining(data, NcfExample.NEGATIVES, batch, NcfExample.K);
        NcfTraining task = task(data, seed);
        out.printf(Locale.ROOT, "GMF (8 factors) on MovieLens 100K leave-one-out: %,d training positives, %d fresh"
                + " negatives each per epoch, %d epochs, global batch %d, Adam 1e-3, %s%n", data.train().size(),
                NcfExample.NEGATIVES, epochs, batch, localSteps == 0 ? "gradient averaging"
                        : "parameter averaging every " + localSteps + " steps");
        out.printf(Locale.ROOT, "%-14s %9s %9s %9s %7s%n", "partitions", "HR@10", "NDCG@10", "syncs", "time s");
        long start = System.nanoTime();
        PairModel single = (PairModel) task.newModel();
        ranking.train(single, task.newOptimizer(), epochs, seed, epoch -> progress.printf(Locale.ROOT,
                "  (one JVM: epoch %d done, HR@10 %.4f)%n", epoch.index() + 1, epoch.logs().get(ranking.hitRateKey())));
        report(out, "one JVM", ranking.rank(single), ranking, -1, start);
        Dataset<Row> frame = positives(spark, data.train());
        for (int p : partitions) {
            long began = System.nanoTime();
            DataParallelTraining.Result result = DataParallelTraining.train(frame, task,
                    new DataParallelTraining.Settings(p, batch, epochs, seed, localSteps),
                    epoch -> progress.printf(Locale.ROOT, "  (%d partitions: epoch %d done, %.0f s)%n", p, epoch + 1,
                            (System.nanoTime() - began) / 1e9));
            report(out, String.valueOf(p), ranking.rank((PairModel) result.model()), ranking,
                    result.synchronizations(), began);
        }
    }

    /** GMF on {@code data}'s training positives with 4 negatives each, built and sampled from {@code seed}. */
    static NcfTraining task(LeaveOneOutData data, long seed) {
        return new NcfTraining(data.numUsers(), data.numItems(), data.train().users(), data.train().items(),
                NcfExample.NEGATIVES, seed);
    }

    /** The training positives as a DataFrame, in their order. */
    static Dataset<Row> positives(SparkSession spark, Ratings train) {
        List<Row> rows = new ArrayList<>(train.size());
        for (int i = 0; i < train.size(); i++) {
            rows.add(RowFactory.create(train.users()[i], train.items()[i]));
        }
        return spark.createDataFrame(rows, POSITIVES);
    }

    private static void report(PrintStream out, String name, Map<String, Double> r, LeaveOneOutTraining ranking,
                               long syncs, long start) {
        out.printf(Locale.ROOT, "%-14s %9.4f %9.4f %9s %7.1f%n", name, r.get(ranking.hitRateKey()),
                r.get(ranking.ndcgKey()), syncs < 0 ? "-" : String.valueOf(syncs), (System.nanoTime() - start) / 1e9);
    }
}
