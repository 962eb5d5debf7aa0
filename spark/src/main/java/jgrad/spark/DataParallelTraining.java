package jgrad.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import jgrad.backend.Arena;
import jgrad.nn.Module;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * Synchronous data-parallel training on Spark. Row i of the data goes to partition i mod P (in order), where
 * it stays, cached, for the whole run; each partition keeps a replica of the model ({@link Replica}) and draws
 * its batches of b = ⌈B / P⌉ rows as {@code fit} draws them (seed + p for partition p).
 * <ul>
 * <li><b>Gradient averaging</b> ({@code localSteps = 0}): at every step the driver broadcasts the weights w,
 * each partition p returns (m_p / M)·∇L_p(w) for its batch of m_p rows (M = Σ m_p), {@code treeReduce} sums
 * them, which is the gradient of the mean loss over the union of the batches, and the driver's optimizer
 * takes the step. This is one machine's minibatch SGD with a batch of M rows.</li>
 * <li><b>Parameter averaging</b> ({@code localSteps = K ≥ 1}, as DL4J's {@code ParameterAveragingTrainingMaster}):
 * each partition takes K steps with its own optimizer from the broadcast weights, and the driver sets
 * w ← Σ_p (n_p / N)·w_p, weighted by the rows each used, except that a row of an embedding is averaged only
 * over the partitions whose batches looked it up in those K steps ({@link Part#averagedByRows}): a user seen
 * by one partition of P keeps that partition's move instead of 1/P of it. One synchronization per K steps
 * instead of one per step; the optimizers' state stays local.</li>
 * </ul>
 * A partition's examples are its rows, or what the task makes of them each epoch (NCF's fresh negatives).
 * With one partition both give the bits of the task's single-machine run with the same seed and batch size
 * ({@code fit}, or {@code LeaveOneOutTraining} for a task that draws its batches per epoch).
 */
public final class DataParallelTraining {

    /**
     * @param partitions  P, the shards (and tasks per step)
     * @param batchSize   B, the global batch; each partition takes ⌈B / P⌉ rows per step
     * @param localSteps  0: gradient averaging every step; K ≥ 1: parameter averaging after K local steps
     */
    public record Settings(int partitions, int batchSize, int epochs, long seed, int localSteps)
            implements java.io.Serializable {
        public Settings {
            if (partitions < 1 || batchSize < 1 || epochs < 1 || localSteps < 0) {
                throw new IllegalArgumentException("need partitions, batch size and epochs >= 1 and local steps >= 0,"
                        + " got " + partitions + ", " + batchSize + ", " + epochs + ", " + localSteps);
            }
        }

        int localBatch() {
            return (batchSize + partitions - 1) / partitions;
        }
    }

    /** The trained model (the driver's) and the mean training loss of each epoch. */
    public record Result(Module model, List<Double> epochLoss, long synchronizations) {
    }

    private DataParallelTraining() {
    }

    /** Trains {@code task}'s model on {@code rows}; {@code onEpoch} hears each finished epoch (0-based). */
    public static Result train(Dataset<Row> rows, TrainingTask task, Settings settings, IntConsumer onEpoch) {
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext());
        JavaRDD<Row> shards = shard(rows, settings.partitions()).cache();
        int[] sizes = sizes(shards, settings.partitions(), task.examplesPerRow());
        int b = settings.localBatch();
        int stepsPerEpoch = 0;
        for (int n : sizes) {
            stepsPerEpoch = Math.max(stepsPerEpoch, BatchSchedule.steps(n, b));
        }
        if (stepsPerEpoch == 0) {
            throw new IllegalArgumentException("no rows to train on");
        }
        Module model = Arena.outside(task::newModel);
        Optimizer optimizer = Arena.outside(() -> task.newOptimizer().bind(model));
        Map<String, Tensor> params = model.parameters();
        Broadcast<TrainingTask> shipped = spark.broadcast(task);
        Steps steps = new Steps(spark, shards, shipped, settings, sizes, stepsPerEpoch, UUID.randomUUID().toString());
        List<Double> losses = new ArrayList<>();
        long syncs = 0;
        long total = (long) stepsPerEpoch * settings.epochs();
        int k = settings.localSteps();
        double epochLoss = 0;
        long epochRows = 0;
        for (long g = 0; g < total; g += Math.max(1, k)) {
            long to = Math.min(total, g + Math.max(1, k));
            Part sum = k == 0 ? steps.gradient(Flat.values(params), g) : steps.local(Flat.values(params), g, to);
            syncs++;
            if (k == 0) {
                try (Arena ignored = Arena.open()) {
                    optimizer.zeroGrad();
                    Flat.setGradients(params, sum.values());
                    optimizer.step();
                }
            } else {
                Flat.setValues(params, sum.averagedByRows());
            }
            epochLoss += sum.lossSum();
            epochRows += sum.rows();
            if (to / stepsPerEpoch > g / stepsPerEpoch) {   // this synchronization ended an epoch
                losses.add(epochLoss / epochRows);
                onEpoch.accept(losses.size() - 1);
                epochLoss = 0;
                epochRows = 0;
            }
        }
        steps.release();
        shipped.destroy();
        shards.unpersist(false);
        return new Result(model, Collections.unmodifiableList(losses), syncs);
    }

    /** The rows of partition p are those with index ≡ p (mod P), in their order. */
    static JavaRDD<Row> shard(Dataset<Row> rows, int partitions) {
        return rows.javaRDD().zipWithIndex()
                .mapToPair(t -> new scala.Tuple2<>(t._2(), t._1()))
                .repartitionAndSortWithinPartitions(new ByRemainder(partitions))
                .values();
    }

    /** Each partition's examples per epoch: its rows times the examples a row gives. */
    private static int[] sizes(JavaRDD<Row> shards, int partitions, int examplesPerRow) {
        List<long[]> counts = shards.mapPartitionsWithIndex((p, it) -> {
            long n = 0;
            for (; it.hasNext(); it.next()) {
                n++;
            }
            return List.of(new long[] {p, n}).iterator();
        }, true).collect();
        int[] sizes = new int[partitions];
        counts.forEach(c -> sizes[(int) c[0]] = Math.toIntExact(c[1] * examplesPerRow));
        return sizes;
    }

    /** Row index i goes to partition i mod P. */
    private static final class ByRemainder extends Partitioner {
        private final int partitions;

        ByRemainder(int partitions) {
            this.partitions = partitions;
        }

        @Override public int numPartitions() { return partitions; }
        @Override public int getPartition(Object key) { return (int) ((Long) key % partitions); }
        @Override public boolean equals(Object o) { return o instanceof ByRemainder r && r.partitions == partitions; }
        @Override public int hashCode() { return partitions; }
    }

    /** The Spark jobs of one run: one per synchronization. */
    private record Steps(JavaSparkContext spark, JavaRDD<Row> shards, Broadcast<TrainingTask> task, Settings settings,
                         int[] sizes, int stepsPerEpoch, String run) {

        Part gradient(float[][] weights, long g) {
            int epoch = (int) (g / stepsPerEpoch);
            int step = (int) (g % stepsPerEpoch);
            double[] share = shares(g, g + 1);
            Broadcast<float[][]> w = spark.broadcast(weights);
            String run = this.run;
            Broadcast<TrainingTask> task = this.task;
            Settings s = settings;
            try {
                return shards.mapPartitionsWithIndex((p, rows) -> one(Replicas.get(run, p, rows, task.value(),
                        s.localBatch(), s.seed() + p).gradient(w.value(), epoch, step, share[p])), true).treeReduce(Part::plus);
            } finally {
                w.destroy();   // its driver copy too: a run makes thousands of them
            }
        }

        Part local(float[][] weights, long from, long to) {
            double[] share = shares(from, to);
            Broadcast<float[][]> w = spark.broadcast(weights);
            String run = this.run;
            Broadcast<TrainingTask> task = this.task;
            Settings s = settings;
            int perEpoch = stepsPerEpoch;
            try {
                return shards.mapPartitionsWithIndex((p, rows) -> one(Replicas.get(run, p, rows, task.value(),
                        s.localBatch(), s.seed() + p).localSteps(w.value(), from, to, perEpoch, share[p])), true)
                        .treeReduce(Part::plus);
            } finally {
                w.destroy();
            }
        }

        /** Each partition's share of the rows of global steps [from, to): m_p / M. */
        double[] shares(long from, long to) {
            long[] used = new long[sizes.length];
            long all = 0;
            for (int p = 0; p < sizes.length; p++) {
                for (long g = from; g < to; g++) {
                    used[p] += BatchSchedule.rowsAt(sizes[p], settings.localBatch(), (int) (g % stepsPerEpoch));
                }
                all += used[p];
            }
            double[] share = new double[sizes.length];
            for (int p = 0; p < sizes.length; p++) {
                share[p] = (double) used[p] / all;
            }
            return share;
        }

        void release() {
            String run = this.run;
            shards.foreachPartition(rows -> Replicas.drop(run, org.apache.spark.TaskContext.getPartitionId()));
        }

        private static Iterator<Part> one(Part part) {
            return List.of(part).iterator();
        }
    }
}
