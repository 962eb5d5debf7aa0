package jgrad.spark;

import java.io.Serializable;
import java.util.List;

import org.apache.spark.sql.Row;

import jgrad.nn.Module;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * What every partition needs to train a model on its rows: a new model (built from a seed, so that the
 * driver and every replica start from the same weights), the mean loss of a batch of rows, and the optimizer.
 * It travels to the executors inside closures, so it must be serializable and small (fitted preprocessing,
 * not data).
 */
public interface TrainingTask extends Serializable {

    /** A model with the initial weights; called once on the driver and once per partition replica. */
    Module newModel();

    /** An unbound optimizer (e.g. {@code Adam.keras(1e-3)}); the driver's and each replica's own. */
    Optimizer newOptimizer();

    /** The mean loss over {@code batch}, computed by {@code model} in training mode with a graph to differentiate. */
    Tensor meanLoss(Module model, List<Row> batch);
}
