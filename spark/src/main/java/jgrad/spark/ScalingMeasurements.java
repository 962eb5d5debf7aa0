package jgrad.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import jgrad.autograd.Autograd;
import jgrad.backend.Arena;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.serve.RowScorer;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/**
 * The costs {@link ScalingModel} is fitted on, measured in this JVM and on the given session: scoring
 * throughput by number of partitions against one JVM, the fixed and per-task cost of a Spark job, the rate of
 * adding float vectors, and the compute per row and parameter of an MLP of about a million parameters
 * (forward, and forward with backward). Each figure is the median of {@code repeats} timed runs after a
 * warm-up run.
 */
public final class ScalingMeasurements {

    /** Rows per second of one run: in one JVM ({@code partitions = 0}) or on Spark with that many partitions. */
    public record Throughput(int partitions, long rows, double rowsPerSecond) {
    }

    /** The widths of the measuring MLP: 512 → 1024 → 512 → 1, about 1.05 M parameters. */
    static final int[] WIDTHS = {512, 1024, 512, 1};

    private final int repeats;

    public ScalingMeasurements(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        this.repeats = repeats;
    }

    /** One JVM: the scorer over every row of {@code rows}, in batches of {@code batch}. */
    public Throughput oneJvm(RowScorer scorer, jgrad.data.csv.Table rows, int batch) {
        int n = rows.rowCount();
        double seconds = median(() -> {
            for (int from = 0; from < n; from += batch) {
                int[] picked = new int[Math.min(batch, n - from)];
                for (int i = 0; i < picked.length; i++) {
                    picked[i] = from + i;
                }
                scorer.score(rows.select(picked));
            }
            return n;
        });
        return new Throughput(0, n, n / seconds);
    }

    /** Spark: {@code rows} (cached first, so reading the file is not counted) scored on {@code partitions} partitions. */
    public Throughput onSpark(Dataset<Row> rows, ShippedModel<? extends RowScorer> model, int partitions, int batch) {
        Dataset<Row> spread = rows.repartition(partitions).cache();
        long n = spread.count();
        double seconds = median(() -> {
            BatchScoring.score(spread, model, batch).write().format("noop").mode("overwrite").save();
            return n;
        });
        spread.unpersist();
        return new Throughput(partitions, n, n / seconds);
    }

    /** Seconds of a Spark job doing nothing in {@code tasks} tasks. */
    public double emptyJobSeconds(SparkSession spark, int tasks) {
        JavaRDD<Integer> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(new ArrayList<>(List.of(0)), 1).repartition(tasks).cache();
        rdd.count();
        return median(() -> {
            rdd.foreachPartition(it -> { });
            return 1;
        });
    }

    /** Bytes of one float32 vector added to another per second, through the backend (as {@link Flat#addInto} adds, in place). */
    public double addBytesPerSecond(int length) {
        float[][] a = {new float[length]};
        float[][] b = {new float[length]};
        double seconds = median(() -> {
            Flat.addInto(a, b);
            return 1;
        });
        return 4.0 * length / seconds;
    }

    /** Seconds per row per parameter of the measuring MLP's forward pass on {@code rows} rows, in evaluation mode. */
    public double forwardPerRowParam(int rows) {
        Sequential mlp = mlp();
        Tensor x = Tensor.randn(new SplittableRandom(1), rows, WIDTHS[0]);
        mlp.eval();
        double seconds = median(() -> {
            try (var noGrad = Autograd.noGrad(); Arena ignored = Arena.open()) {
                mlp.forward(x).toFloatArray();
            }
            return 1;
        });
        return seconds / rows / parameters(mlp);
    }

    /** The same for a forward and backward pass (a gradient) over a batch of {@code rows} rows. */
    public double gradientPerRowParam(int rows) {
        Sequential mlp = mlp();
        Tensor x = Tensor.randn(new SplittableRandom(1), rows, WIDTHS[0]);
        mlp.train();
        double seconds = median(() -> {
            try (Arena ignored = Arena.open()) {
                mlp.zeroGrad();
                mlp.forward(x).sum().backward();
            }
            return 1;
        });
        return seconds / rows / parameters(mlp);
    }

    static long parameters(jgrad.nn.Module model) {
        return model.parameters().values().stream().mapToLong(Tensor::numel).sum();
    }

    private static Sequential mlp() {
        SplittableRandom rng = new SplittableRandom(7);
        return new Sequential(new Dense(WIDTHS[0], WIDTHS[1], Activation.RELU, rng),
                new Dense(WIDTHS[1], WIDTHS[2], Activation.RELU, rng),
                new Dense(WIDTHS[2], WIDTHS[3], Activation.LINEAR, rng));
    }

    /** The median wall time in seconds of {@code repeats} runs, after one warm-up run. */
    private double median(LongSupplier run) {
        run.getAsLong();
        double[] times = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            run.getAsLong();
            times[i] = (System.nanoTime() - start) / 1e9;
        }
        java.util.Arrays.sort(times);
        return times[repeats / 2];
    }
}
