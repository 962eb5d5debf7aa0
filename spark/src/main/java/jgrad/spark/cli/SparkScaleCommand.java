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
import jgrad.data.csv.Table;
import jgrad.examples.BankClients;
import jgrad.examples.Command;
import jgrad.examples.ExampleOptions;
import jgrad.examples.Main;
import jgrad.examples.OptionPairs;
import jgrad.examples.UsageException;
import jgrad.spark.ScalingMeasurements;
import jgrad.spark.ScalingModel;
import jgrad.spark.ShippedModel;
import jgrad.spark.SparkSessions;

/**
 * {@code ./jgrad spark-scale --model FILE [--data CSV] [--partitions 1,2,4] [--repeats R] [--network-gbps G]
 * [--master M]}: the measured costs of scoring on Spark on this machine (rows per second by number of
 * partitions, against one JVM; the cost of a job and of a task; adding vectors; compute per row and
 * parameter), the {@link ScalingModel} fitted on them, and its projection to 10, 100 and 1,000 executors of 8
 * cores for a model of 10 M parameters and 100 M customers. The network's bandwidth is an assumption
 * (default 10 Gbit/s).
 */
final class SparkScaleCommand implements Command {

    static final long PROJECTED_PARAMS = 10_000_000;
    static final long PROJECTED_CUSTOMERS = 100_000_000;
    static final long PROJECTED_BATCH = 4096;
    static final int CORES_PER_EXECUTOR = 8;

    @Override public String name() { return "spark-scale"; }
    @Override public String usage() {
        return "--model FILE [--data CSV] [--partitions 1,2,4] [--repeats R] [--network-gbps G] [--master M]";
    }
    @Override public String summary() { return "Spark scoring throughput measured here, and projected to 1,000 executors"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--model", "--data", "--partitions", "--repeats",
                "--network-gbps", "--master"));
        if (!o.containsKey("--model")) {
            throw new UsageException("needs --model FILE (from ./jgrad demo --save FILE)");
        }
        Path modelPath = ExampleOptions.path("--model", o.get("--model"));
        Path data = o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data")) : SparkData.bundledBankFile();
        if (!Files.exists(data)) {
            throw new IllegalArgumentException("--data " + data + ": no such file");
        }
        int repeats = o.containsKey("--repeats") ? Main.positiveInt("--repeats", o.get("--repeats")) : 3;
        double gbps = o.containsKey("--network-gbps") ? Main.positiveNumber("--network-gbps", o.get("--network-gbps")) : 10;
        int[] partitions = SparkTrainCommand.partitionCounts(o.getOrDefault("--partitions", "1,2,4"));
        BankScorer scorer = BankScorer.load(modelPath);
        Table clients = BankClients.load(data);
        ScalingMeasurements measure = new ScalingMeasurements(repeats);
        int batch = SparkScoreCommand.DEFAULT_BATCH;

        out.printf(Locale.ROOT, "scoring %d clients of %s with %s, batches of %d (median of %d runs)%n",
                clients.rowCount(), data.getFileName(), modelPath.getFileName(), batch, repeats);
        ScalingMeasurements.Throughput one = measure.oneJvm(scorer, clients, batch);
        out.printf(Locale.ROOT, "  one JVM, no Spark        %,12.0f rows/s%n", one.rowsPerSecond());
        SparkSession spark = SparkSessions.start(o.get("--master"), "jgrad spark-scale");
        double job;
        double perTask;
        try {
            ShippedModel<BankScorer> model = ShippedModel.ship(spark, modelPath, BankScorer::load);
            Dataset<Row> rows = SparkData.read(spark, data, false, SparkData.BANK_SEPARATOR);
            for (int p : partitions) {
                ScalingMeasurements.Throughput t = measure.onSpark(rows, model, p, batch);
                out.printf(Locale.ROOT, "  Spark %-2d partition%s      %,12.0f rows/s  (%.2f× one JVM)%n", p,
                        p == 1 ? " " : "s", t.rowsPerSecond(), t.rowsPerSecond() / one.rowsPerSecond());
            }
            double oneTask = measure.emptyJobSeconds(spark, 1);
            double manyTasks = measure.emptyJobSeconds(spark, 16);
            perTask = Math.max(0, (manyTasks - oneTask) / 15);
            job = oneTask - perTask;
            out.printf(Locale.ROOT, "  an empty Spark job: %.1f ms with 1 task, %.1f ms with 16 (%.2f ms per task)%n",
                    oneTask * 1e3, manyTasks * 1e3, perTask * 1e3);
        } finally {
            spark.stop();
        }
        double add = measure.addBytesPerSecond(4_000_000);
        double forward = measure.forwardPerRowParam(1024);
        double gradient = measure.gradientPerRowParam(256);
        out.printf(Locale.ROOT, "  adding float32 vectors: %.2f GB/s; MLP 512-1024-512-1: forward %.3g s, gradient %.3g s"
                + " per row per parameter (%.2f and %.2f GFLOP/s at 2 and 6 FLOPs per parameter)%n", add / 1e9,
                forward, gradient, 2 / forward / 1e9, 6 / gradient / 1e9);

        ScalingModel model = new ScalingModel(forward, gradient, job, perTask, add, gbps * 1e9 / 8);
        printProjection(out, model, gbps);
        return 0;
    }

    private static void printProjection(PrintStream out, ScalingModel m, double gbps) {
        out.printf(Locale.ROOT, "%nprojection: %,d parameters, %,d customers, executors of %d cores, %.0f Gbit/s network"
                + " (assumed), global batch %d%n", PROJECTED_PARAMS, PROJECTED_CUSTOMERS, CORES_PER_EXECUTOR, gbps,
                PROJECTED_BATCH);
        out.printf(Locale.ROOT, "%-10s %14s %12s %12s %12s %14s %14s %14s%n", "executors", "scoring rows/s",
                "scoring s", "compute/step", "sync/step", "epoch K=1 s", "epoch K=10 s", "K=1 fp16 s");
        for (int e : new int[] {10, 100, 1000}) {
            double compute = m.computeSecondsPerStep(PROJECTED_PARAMS, PROJECTED_BATCH, e, CORES_PER_EXECUTOR);
            double sync = m.synchronizationSeconds(PROJECTED_PARAMS, e, 1);
            out.printf(Locale.ROOT, "%-10d %,14.0f %12.1f %12.4f %12.4f %,14.0f %,14.0f %,14.0f%n", e,
                    m.scoringRowsPerSecond(PROJECTED_CUSTOMERS, PROJECTED_PARAMS, e, CORES_PER_EXECUTOR),
                    m.scoringSeconds(PROJECTED_CUSTOMERS, PROJECTED_PARAMS, e, CORES_PER_EXECUTOR), compute, sync,
                    m.epochSeconds(PROJECTED_CUSTOMERS, PROJECTED_PARAMS, PROJECTED_BATCH, e, CORES_PER_EXECUTOR, 1, 1),
                    m.epochSeconds(PROJECTED_CUSTOMERS, PROJECTED_PARAMS, PROJECTED_BATCH, e, CORES_PER_EXECUTOR, 10, 1),
                    m.epochSeconds(PROJECTED_CUSTOMERS, PROJECTED_PARAMS, PROJECTED_BATCH, e, CORES_PER_EXECUTOR, 1, 2));
        }
        out.printf(Locale.ROOT, "a synchronization costs more than a step's compute from %d executors on (K=1, no compression)%n",
                m.aggregationBoundFrom(PROJECTED_PARAMS, PROJECTED_BATCH, CORES_PER_EXECUTOR, 1000));
    }
}
