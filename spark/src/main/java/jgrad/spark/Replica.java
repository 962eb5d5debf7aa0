package jgrad.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;

import jgrad.backend.Arena;
import jgrad.nn.Module;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * One partition's copy of the model, kept in its executor between steps with the partition's rows, its own
 * batch schedule and (for local steps) its own optimizer state.
 */
final class Replica {

    /** A partition's contribution to a step: weight · (gradients or weights), and its loss summed over its rows. */
    record Part(float[][] values, double lossSum, long rows) implements java.io.Serializable {
        static Part plus(Part a, Part b) {
            return new Part(Flat.sum(a.values, b.values), a.lossSum + b.lossSum, a.rows + b.rows);
        }
    }

    private final TrainingTask task;
    private final List<Row> rows;
    private final Module model;
    private final Map<String, Tensor> params;
    private final BatchSchedule schedule;
    private Optimizer optimizer;

    Replica(TrainingTask task, List<Row> rows, int batchSize, long seed) {
        this.task = task;
        this.rows = rows;
        this.model = task.newModel();
        this.model.train();
        this.params = model.parameters();
        this.schedule = new BatchSchedule(rows.size(), batchSize, seed);
    }

    /** weight · ∇L of batch (epoch, step) at the given weights, or an empty part when this partition has run out. */
    Part gradient(float[][] weights, int epoch, int step, double weight) {
        int[] batch = schedule.batch(epoch, step);
        if (batch == null) {
            return new Part(null, 0, 0);
        }
        Flat.setValues(params, weights);
        try (Arena ignored = Arena.open()) {   // the step's tensors are reused by the next step
            model.zeroGrad();
            Tensor loss = task.meanLoss(model, take(batch));
            loss.backward();
            return new Part(Flat.scaled(Flat.gradients(params), weight), loss.item() * batch.length, batch.length);
        }
    }

    /**
     * Starting from {@code weights}, the local optimizer's steps over global steps {@code [from, to)} (step g is
     * batch g mod stepsPerEpoch of epoch g / stepsPerEpoch); returns weight · the weights reached.
     */
    Part localSteps(float[][] weights, long from, long to, int stepsPerEpoch, double weight) {
        if (optimizer == null) {
            optimizer = Arena.outside(() -> task.newOptimizer().bind(model));
        }
        Flat.setValues(params, weights);
        double lossSum = 0;
        long used = 0;
        for (long g = from; g < to; g++) {
            int[] batch = schedule.batch((int) (g / stepsPerEpoch), (int) (g % stepsPerEpoch));
            if (batch == null) {
                continue;
            }
            try (Arena ignored = Arena.open()) {
                optimizer.zeroGrad();
                Tensor loss = task.meanLoss(model, take(batch));
                loss.backward();
                optimizer.step();
                lossSum += loss.item() * batch.length;
            }
            used += batch.length;
        }
        return used == 0 ? new Part(null, 0, 0) : new Part(Flat.scaled(Flat.values(params), weight), lossSum, used);
    }

    private List<Row> take(int[] batch) {
        List<Row> out = new ArrayList<>(batch.length);
        for (int i : batch) {
            out.add(rows.get(i));
        }
        return out;
    }
}
