package jgrad.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;

import jgrad.autograd.RowGrad;
import jgrad.backend.Arena;
import jgrad.nn.Module;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * One partition's copy of the model, kept in its executor between steps with the partition's rows, its
 * examples of the current epoch, its own batch schedule and (for local steps) its own optimizer state.
 */
final class Replica {

    private final TrainingTask task;
    private final int rowCount;
    private final TrainingTask.EpochExamples source;
    private final Module model;
    private final Map<String, Tensor> params;
    private final BatchSchedule schedule;
    private Optimizer optimizer;
    private int epoch = -1;
    private List<Row> examples;

    Replica(TrainingTask task, List<Row> rows, int partition, int batchSize, long seed) {
        this.task = task;
        this.rowCount = rows.size();
        this.source = task.examples(rows, partition);
        this.model = task.newModel();
        this.model.train();
        this.params = model.parameters();
        this.schedule = new BatchSchedule(rows.size() * task.examplesPerRow(), batchSize, seed, task.batchOrder());
    }

    /** weight · ∇L of batch (epoch, step) at the given weights, or an empty part when this partition has run out. */
    Part gradient(float[][] weights, int epoch, int step, double weight) {
        int[] batch = schedule.batch(epoch, step);
        if (batch == null) {
            return Part.EMPTY;
        }
        Flat.setValues(params, weights);
        try (Arena ignored = Arena.open()) {   // the step's tensors are reused by the next step
            model.zeroGrad();
            Tensor loss = task.meanLoss(model, take(epoch, batch));
            loss.backward();
            return new Part(Flat.scaled(Flat.gradients(params), weight), null, null, loss.item() * batch.length,
                    batch.length);
        }
    }

    /**
     * Starting from {@code weights}, the local optimizer's steps over global steps {@code [from, to)} (step g is
     * batch g mod stepsPerEpoch of epoch g / stepsPerEpoch); returns weight · the weights reached, and for the
     * row-sparse parameters (embeddings) weight · the rows this partition looked up, with weight per looked-up row.
     */
    Part localSteps(float[][] weights, long from, long to, int stepsPerEpoch, double weight) {
        if (optimizer == null) {
            optimizer = Arena.outside(() -> task.newOptimizer().bind(model));
        }
        Flat.setValues(params, weights);
        LookedUpRows looked = new LookedUpRows(params);
        double lossSum = 0;
        long used = 0;
        for (long g = from; g < to; g++) {
            int e = (int) (g / stepsPerEpoch);
            int[] batch = schedule.batch(e, (int) (g % stepsPerEpoch));
            if (batch == null) {
                continue;
            }
            try (Arena ignored = Arena.open()) {
                optimizer.zeroGrad();
                Tensor loss = task.meanLoss(model, take(e, batch));
                loss.backward();
                looked.record(params);
                optimizer.step();
                lossSum += loss.item() * batch.length;
            }
            used += batch.length;
        }
        if (used == 0) {
            return Part.EMPTY;
        }
        float[][] values = Flat.values(params);
        float[][] rowShare = looked.shares(weight);
        return new Part(Flat.scaled(values, weight), Flat.scaledRows(values, rowShare), rowShare, lossSum, used);
    }

    private List<Row> take(int epoch, int[] batch) {
        List<Row> all = examplesOf(epoch);
        List<Row> out = new ArrayList<>(batch.length);
        for (int i : batch) {
            out.add(all.get(i));
        }
        return out;
    }

    private List<Row> examplesOf(int e) {
        while (epoch < e) {
            epoch++;
            examples = source.of(epoch);
            if (examples.size() != (long) rowCount * task.examplesPerRow()) {
                throw new IllegalStateException("the training task made " + examples.size() + " examples of "
                        + rowCount + " rows in epoch " + epoch + ", not " + task.examplesPerRow() + " per row");
            }
        }
        return examples;
    }

    /** Which rows of each row-sparse parameter (an embedding) the batches looked up. */
    private static final class LookedUpRows {
        private final boolean[][] rows;
        private final int[] tableRows;

        LookedUpRows(Map<String, Tensor> params) {
            rows = new boolean[params.size()][];
            tableRows = params.values().stream().mapToInt(p -> p.shape().length == 0 ? 1 : p.shape()[0]).toArray();
        }

        /** Marks the rows the last backward pass looked up (read before the optimizer's step). */
        void record(Map<String, Tensor> params) {
            int i = 0;
            for (Tensor p : params.values()) {
                RowGrad g = p.rowGrad();
                if (g != null) {
                    if (rows[i] == null) {
                        rows[i] = new boolean[tableRows[i]];
                    }
                    for (int id : g.ids()) {
                        rows[i][id] = true;
                    }
                }
                i++;
            }
        }

        /** Per row-sparse parameter, {@code weight} for each row looked up and 0 for the others; null for the rest. */
        float[][] shares(double weight) {
            float[][] out = new float[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] != null) {
                    out[i] = new float[rows[i].length];
                    for (int r = 0; r < rows[i].length; r++) {
                        out[i][r] = rows[i][r] ? (float) weight : 0f;
                    }
                }
            }
            return out;
        }
    }
}
