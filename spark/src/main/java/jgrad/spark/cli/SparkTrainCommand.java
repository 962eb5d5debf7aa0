package jgrad.spark.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import jgrad.campaign.bank.BankFeatures;
import jgrad.campaign.bank.BankModel;
import jgrad.data.csv.Table;
import jgrad.data.split.Split;
import jgrad.data.split.Splits;
import jgrad.examples.BankClients;
import jgrad.examples.Command;
import jgrad.examples.DemoCommand;
import jgrad.examples.ExampleOptions;
import jgrad.examples.Main;
import jgrad.examples.NcfExample;
import jgrad.examples.OptionPairs;
import jgrad.examples.UsageException;
import jgrad.metrics.ClassificationMetrics;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.spark.DataParallelTraining;
import jgrad.spark.SparkSessions;
import jgrad.train.Fit;
import jgrad.train.Model;

/**
 * {@code ./jgrad spark-train [--data CSV] [--partitions 1,2,4] [--local-steps K] [--epochs N] [--batch B]
 * [--seed S] [--master M]}: the demo's campaign model trained data-parallel on Spark with each number of
 * partitions, against {@code fit} on one machine with the same seeds, epochs and global batch: held-out ROC
 * AUC and log loss on the demo's seeded 20 % test clients (the model is trained on the other 80 %, without
 * early stopping, so every run takes the same number of epochs). {@code --model gmf}: NCF's GMF on MovieLens
 * 100K instead ({@link NcfDataParallel}).
 */
final class SparkTrainCommand implements Command {

    @Override public String name() { return "spark-train"; }
    @Override public String usage() {
        return "[--model demo|gmf] [--data CSV|ML-100K-DIR] [--partitions 1,2,4] [--local-steps K] [--epochs N]"
                + " [--batch B] [--seed S] [--master M]";
    }
    @Override public String summary() { return "the demo model trained data-parallel on Spark vs one machine"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--model", "--data", "--partitions", "--local-steps",
                "--epochs", "--batch", "--seed", "--master"));
        String kind = o.getOrDefault("--model", "demo");
        if (!kind.equals("demo") && !kind.equals("gmf")) {
            throw new UsageException("--model takes demo or gmf, got '" + kind + "'");
        }
        if (kind.equals("gmf")) {
            return trainGmf(o, out);
        }
        Path data = o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data")) : SparkData.bundledBankFile();
        int epochs = o.containsKey("--epochs") ? Main.positiveInt("--epochs", o.get("--epochs")) : 10;
        int batch = o.containsKey("--batch") ? Main.positiveInt("--batch", o.get("--batch")) : DemoCommand.BATCH;
        int localSteps = o.containsKey("--local-steps") ? nonNegativeInt("--local-steps", o.get("--local-steps")) : 0;
        long seed = o.containsKey("--seed") ? ExampleOptions.parseSeed(o.get("--seed")) : 42;
        int[] partitions = partitionCounts(o.getOrDefault("--partitions", "1,2,4"));

        Table clients = BankClients.load(data);
        Split<int[]> split = Splits.random(clients.rowCount(), DemoCommand.TEST_FRACTION, new SplittableRandom(seed));
        Table train = clients.select(split.train());
        Table test = clients.select(split.test());
        BankFeatures features = BankFeatures.fit(train);
        int[] labels = BankFeatures.labels(test);
        out.printf(Locale.ROOT, "%s: %d clients, seeded split (seed %d): %d train, %d test; %d epochs, global batch %d,"
                + " Adam 1e-3, no early stopping%n", o.containsKey("--data") ? data.getFileName() : "bundled bank-additional.csv", clients.rowCount(), seed, train.rowCount(),
                test.rowCount(), epochs, batch);
        out.printf(Locale.ROOT, "%-34s %9s %9s %9s %7s%n", "run", "test AUC", "log loss", "syncs", "time s");

        long start = System.nanoTime();
        Model single = BankModel.build(features, seed);
        single.compile(Adam.keras(1e-3), Losses::binaryCrossEntropy);
        single.fit(features.inputs(train), BankFeatures.targets(BankFeatures.labels(train)), Fit.epochs(epochs)
                .batchSize(batch).seed(seed).output(new PrintStream(OutputStream.nullOutputStream())));
        report(out, "one JVM, fit", single, features, test, labels, -1, start);

        SparkSession spark = SparkSessions.start(o.get("--master"), "jgrad spark-train");
        try {
            Dataset<Row> rows = SparkData.rowsInOrder(spark, data, split.train());
            BankTraining task = BankTraining.of(features, seed, List.of(rows.columns()));
            PrintStream progress = System.err;
            for (int p : partitions) {
                start = System.nanoTime();
                long began = start;
                DataParallelTraining.Result result = DataParallelTraining.train(rows, task,
                        new DataParallelTraining.Settings(p, batch, epochs, seed, localSteps),
                        epoch -> progress.printf(Locale.ROOT, "  (%d partitions: epoch %d done, %.0f s)%n", p, epoch + 1,
                                (System.nanoTime() - began) / 1e9));
                String name = "Spark, " + p + " partition" + (p == 1 ? "" : "s") + ", "
                        + (localSteps == 0 ? "gradient avg" : "param avg K=" + localSteps);
                report(out, name, (Model) result.model(), features, test, labels, result.synchronizations(), start);
            }
        } finally {
            spark.stop();
        }
        return 0;
    }

    /** NCF's GMF on MovieLens 100K ({@code --data}: the ml-100k folder), by {@link NcfDataParallel}. */
    private static int trainGmf(Map<String, String> o, PrintStream out) {
        Path data = o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data")) : null;
        int epochs = o.containsKey("--epochs") ? Main.positiveInt("--epochs", o.get("--epochs")) : 5;
        int batch = o.containsKey("--batch") ? Main.positiveInt("--batch", o.get("--batch")) : NcfExample.BATCH;
        int localSteps = o.containsKey("--local-steps") ? nonNegativeInt("--local-steps", o.get("--local-steps")) : 0;
        long seed = o.containsKey("--seed") ? ExampleOptions.parseSeed(o.get("--seed")) : 1;
        int[] partitions = partitionCounts(o.getOrDefault("--partitions", "1,2,4"));
        SparkSession spark = SparkSessions.start(o.get("--master"), "jgrad spark-train gmf");
        try {
            NcfDataParallel.run(spark, data, partitions, epochs, batch, localSteps, seed, out, System.err);
        } finally {
            spark.stop();
        }
        return 0;
    }

    private static void report(PrintStream out, String name, Model model, BankFeatures features, Table test,
                               int[] labels, long syncs, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] p = BankModel.probabilities(model, features.inputs(test));
        out.printf(Locale.ROOT, "%-34s %9.4f %9.4f %9s %7.1f%n", name, ClassificationMetrics.rocAuc(p, labels),
                ClassificationMetrics.logLoss(p, labels), syncs < 0 ? "-" : String.valueOf(syncs), seconds);
    }

    static int[] partitionCounts(String text) {
        String[] parts = text.split(",");
        List<Integer> counts = new ArrayList<>();
        for (String part : parts) {
            counts.add(Main.positiveInt("--partitions", part.trim()));
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int nonNegativeInt(String option, String text) {
        return text.equals("0") ? 0 : Main.positiveInt(option, text);
    }
}
