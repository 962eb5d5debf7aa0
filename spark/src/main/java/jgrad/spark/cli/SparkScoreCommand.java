package jgrad.spark.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import jgrad.campaign.bank.BankScorer;
import jgrad.examples.Command;
import jgrad.examples.ExampleOptions;
import jgrad.examples.Main;
import jgrad.examples.OptionPairs;
import jgrad.examples.ServedFiles;
import jgrad.examples.UsageException;
import jgrad.io.ModelFileException;
import jgrad.io.ModelFiles;
import jgrad.recsys.Recommender;
import jgrad.spark.BatchScoring;
import jgrad.spark.ShippedModel;
import jgrad.spark.SparkSessions;
import jgrad.spark.TopKForUsers;
import jgrad.train.Model;

/**
 * {@code ./jgrad spark-score --model FILE --data CSV|PARQUET --out DIR [--master M] [--partitions N] [--batch B]
 * [-k K]}: a saved model applied on Spark. A demo campaign model ({@code ./jgrad demo --save FILE}) scores every
 * client of a bank CSV (the UCI dialect) or Parquet table, written to DIR with a {@code score} column (CSV in,
 * CSV out; Parquet in, Parquet out). A MovieLens recommender ({@code ./jgrad example NAME --save FILE}) writes
 * every user's top-K unseen movies as a table (user, rank, item, score), with {@code --data} the ratings it
 * has seen (u.data, or Parquet with user and item columns).
 */
final class SparkScoreCommand implements Command {

    @Override public String name() { return "spark-score"; }
    @Override public String usage() {
        return "--model FILE --data CSV|PARQUET --out DIR [--master local[2]] [--partitions N] [--batch B] [-k K]";
    }
    @Override public String summary() { return "a saved model's scores (or every user's top-K) on Apache Spark"; }

    static final int DEFAULT_BATCH = 256;

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--model", "--data", "--out", "--master",
                "--partitions", "--batch", "-k"));
        if (!o.containsKey("--model") || !o.containsKey("--data") || !o.containsKey("--out")) {
            throw new UsageException("needs --model FILE, --data CSV|PARQUET and --out DIR");
        }
        Path modelPath = ExampleOptions.path("--model", o.get("--model"));
        String data = o.get("--data");
        String outDir = o.get("--out");
        int batch = o.containsKey("--batch") ? Main.positiveInt("--batch", o.get("--batch")) : DEFAULT_BATCH;
        int partitions = o.containsKey("--partitions") ? Main.positiveInt("--partitions", o.get("--partitions")) : 0;
        int k = o.containsKey("-k") ? Main.positiveInt("-k", o.get("-k")) : 10;
        if (SparkData.isLocal(data) && !Files.exists(ExampleOptions.path("--data", data))) {
            throw new IllegalArgumentException("--data " + data + ": no such file or directory");
        }
        if (SparkData.isLocal(outDir) && Files.exists(ExampleOptions.path("--out", outDir))) {
            throw new IllegalArgumentException("--out " + outDir + ": already exists; give a new directory"
                    + " (Spark writes one file per partition into it)");
        }
        if (!ModelFiles.exists(modelPath)) {
            throw new UsageException("--model: no model at " + ModelFiles.weightsPath(modelPath)
                    + " (save one with ./jgrad demo --save FILE or ./jgrad example NAME --save FILE)");
        }
        boolean campaignModel = ModelFiles.read(modelPath).model() instanceof Model;
        SparkSession spark = SparkSessions.start(o.get("--master"), "jgrad spark-score");
        try {
            long start = System.nanoTime();
            String written;
            if (campaignModel) {
                written = scoreClients(spark, modelPath, data, outDir, partitions, batch);
            } else {
                written = recommend(spark, modelPath, data, outDir, partitions, k);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Dataset<Row> result = SparkData.read(spark, outDir, isParquet(data),
                    campaignModel ? SparkData.BANK_SEPARATOR : ',');
            long rows = result.count();
            out.printf(Locale.ROOT, "%s on Spark %s (%s): wrote %d rows to %s (%s) in %.1f s%n",
                    modelPath.getFileName(), spark.version(), spark.sparkContext().master(), rows, outDir, written,
                    seconds);
            result.show(5, false);
        } finally {
            spark.stop();
        }
        return 0;
    }

    private static String scoreClients(SparkSession spark, Path modelPath, String data, String outDir, int partitions,
                                       int batch) throws Exception {
        ShippedModel<BankScorer> model = ShippedModel.ship(spark, modelPath, BankScorer::load);
        Dataset<Row> clients = SparkData.read(spark, data, isParquet(data), SparkData.BANK_SEPARATOR);
        if (partitions > 0) {
            clients = clients.repartition(partitions);
        }
        Dataset<Row> scored = BatchScoring.score(clients, model, batch);
        SparkData.write(scored, outDir, isParquet(data), SparkData.BANK_SEPARATOR);
        return clients.rdd().getNumPartitions() + " partitions, batches of " + batch;
    }

    private static String recommend(SparkSession spark, Path modelPath, String data, String outDir, int partitions,
                                    int k) throws Exception {
        ShippedModel<Recommender> model = ShippedModel.ship(spark, modelPath, SparkScoreCommand::loadRecommender);
        Dataset<Row> seen = isParquet(data) ? spark.read().parquet(data) : SparkData.movieLensRatings(spark, data);
        int tasks = partitions > 0 ? partitions : spark.sparkContext().defaultParallelism();
        Dataset<Row> top = TopKForUsers.recommend(spark, model, seen, k, ServedFiles.FIRST_ID, tasks);
        SparkData.write(top, outDir, isParquet(data), ',');
        return "top " + k + " per user, " + tasks + " partitions";
    }

    static Recommender loadRecommender(Path file) throws Exception {
        ModelFiles.Loaded loaded = ModelFiles.read(file);
        if (!(loaded.model() instanceof Recommender recommender)) {
            throw new ModelFileException(loaded.file(), "holds a " + loaded.model().getClass().getSimpleName()
                    + ", neither the demo's campaign model nor a recommender");
        }
        return recommender;
    }

    static boolean isParquet(String data) {
        return data.endsWith(".parquet") || SparkData.isLocal(data) && Files.isDirectory(Path.of(data));
    }
}
