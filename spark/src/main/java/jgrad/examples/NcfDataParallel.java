package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import jgrad.data.ImplicitExamples;
import jgrad.data.LeaveOneOutData;
import jgrad.data.NegativeSampler;
import jgrad.recsys.LeaveOneOutTraining;
import jgrad.recsys.PairModel;
import jgrad.spark.DataParallelTraining;

/**
 * {@code spark-train --model gmf}: NCF's GMF on MovieLens 100K's leave-one-out split, trained data-parallel on
 * Spark with each number of partitions, HR@10 and NDCG@10 of the held-out items among their 99 candidates.
 * The negatives (4 per training positive) are drawn once from the seed and kept for every epoch, since a
 * partition's rows stay fixed; {@code ./jgrad example gmf} draws fresh ones each epoch.
 */
final class NcfDataParallel {

    private static final StructType ROWS = new StructType().add("user", DataTypes.IntegerType, false)
            .add("item", DataTypes.IntegerType, false).add("label", DataTypes.FloatType, false);

    private NcfDataParallel() {
    }

    static void run(SparkSession spark, Path dataDir, int[] partitions, int epochs, int batch, int localSteps,
                    long seed, PrintStream out, PrintStream progress) {
        LeaveOneOutData data = MovieLensFiles.open(dataDir).leaveOneOut(MovieLensFiles.looNegatives(dataDir),
                NcfExample.CANDIDATES);
        NegativeSampler sampler = new NegativeSampler(data.train().users(), data.train().items(), data.numUsers(),
                data.numItems());
        ImplicitExamples examples = sampler.epoch(data.train().users(), data.train().items(), NcfExample.NEGATIVES,
                new SplittableRandom(seed));
        List<Row> rows = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            rows.add(RowFactory.create(examples.users()[i], examples.items()[i], examples.labels()[i]));
        }
        Dataset<Row> frame = spark.createDataFrame(rows, ROWS);
        LeaveOneOutTraining ranking = new LeaveOneOutTraining(data, NcfExample.NEGATIVES, batch, NcfExample.K);
        NcfTraining task = new NcfTraining(data.numUsers(), data.numItems(), seed);
        out.printf(Locale.ROOT, "GMF (8 factors) on MovieLens 100K leave-one-out: %,d training rows (%d negatives per"
                + " positive, drawn once), %d epochs, global batch %d, Adam 1e-3, %s%n", examples.size(),
                NcfExample.NEGATIVES, epochs, batch, localSteps == 0 ? "gradient averaging"
                        : "parameter averaging every " + localSteps + " steps");
        out.printf(Locale.ROOT, "%-14s %9s %9s %9s %7s%n", "partitions", "HR@10", "NDCG@10", "syncs", "time s");
        for (int p : partitions) {
            long start = System.nanoTime();
            DataParallelTraining.Result result = DataParallelTraining.train(frame, task,
                    new DataParallelTraining.Settings(p, batch, epochs, seed, localSteps),
                    epoch -> progress.printf(Locale.ROOT, "  (%d partitions: epoch %d done, %.0f s)%n", p, epoch + 1,
                            (System.nanoTime() - start) / 1e9));
            Map<String, Double> r = ranking.rank((PairModel) result.model());
            out.printf(Locale.ROOT, "%-14d %9.4f %9.4f %9d %7.1f%n", p, r.get(ranking.hitRateKey()),
                    r.get(ranking.ndcgKey()), result.synchronizations(), (System.nanoTime() - start) / 1e9);
        }
    }
}
