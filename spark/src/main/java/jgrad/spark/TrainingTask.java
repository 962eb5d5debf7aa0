package jgrad.spark;

import java.io.Serializable;
import java.util.List;

import org.apache.spark.sql.Row;

import jgrad.nn.Module;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * What every partition needs to train a model on its rows: a new model (built from a seed, so that the
 * driver and every replica start from the same weights), the mean loss of a batch of examples, and the
 * optimizer. It travels to the executors once per run (by broadcast), so it must be serializable and small
 * (fitted preprocessing, not data).
 *
 * <p>By default a partition's examples are its rows, every epoch. A task that samples (NCF's negatives) makes
 * each epoch's examples from the rows instead ({@link #examples}); their number must be
 * {@link #examplesPerRow} times the rows', so that the driver knows every partition's batches.
 */
public interface TrainingTask extends Serializable {

    /** A model with the initial weights; called once on the driver and once per partition replica. */
    Module newModel();

    /** An unbound optimizer (e.g. {@code Adam.keras(1e-3)}); the driver's and each replica's own. */
    Optimizer newOptimizer();

    /** The mean loss over {@code batch}, computed by {@code model} in training mode with a graph to differentiate. */
    Tensor meanLoss(Module model, List<Row> batch);

    /** The examples one row gives per epoch. */
    default int examplesPerRow() {
        return 1;
    }

    /**
     * The examples of partition {@code partition} epoch after epoch, made from its rows. The replica asks for
     * epochs 0, 1, 2, … in order (a replica rebuilt on another executor asks again from epoch 0), so a task may
     * draw them from one generator seeded by the partition.
     */
    default EpochExamples examples(List<Row> rows, int partition) {
        return epoch -> rows;
    }

    /** How the partitions' batches are drawn: as the single-machine run this task is compared with draws them. */
    default BatchOrder batchOrder() {
        return BatchOrder.ONE_GENERATOR;
    }

    /** One partition's examples per epoch. */
    @FunctionalInterface
    interface EpochExamples {
        /** The examples of {@code epoch}, called for 0, 1, 2, … in order. */
        List<Row> of(int epoch);
    }

    /** The shuffling of a partition's examples into batches, from the partition's seed s. */
    enum BatchOrder {
        /** Epoch e's batches are the (e+1)-th draw of {@code Batches.shuffled} from one {@code new Random(s)}: {@code fit} over all epochs. */
        ONE_GENERATOR,
        /** Epoch e's batches are drawn from {@code new Random(1000·s + e)}: one {@code fit} per epoch, as {@code LeaveOneOutTraining} trains. */
        SEEDED_PER_EPOCH
    }
}
