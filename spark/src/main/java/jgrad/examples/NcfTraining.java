package jgrad.examples;

import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.sql.Row;

import jgrad.backend.DType;
import jgrad.nn.Module;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.recsys.Ncf;
import jgrad.recsys.PairModel;
import jgrad.spark.TrainingTask;
import jgrad.tensor.Tensor;

/**
 * NCF's GMF (He et al. 2017, as {@code ./jgrad example gmf} builds it: 8 factors) as a {@link TrainingTask}:
 * rows are {@code (user, item, label)} with ids from 0, the loss binary cross-entropy from the logit, Adam
 * (Keras's, 10⁻³), the model built from {@code seed}.
 */
record NcfTraining(int numUsers, int numItems, long seed) implements TrainingTask {

    @Override
    public Module newModel() {
        return new Ncf(Ncf.Kind.GMF, numUsers, numItems, NcfExample.FACTORS, NcfExample.MLP_DIM, NcfExample.LAYERS,
                DType.F32, new SplittableRandom(seed));
    }

    @Override
    public Optimizer newOptimizer() {
        return Adam.keras(1e-3);
    }

    @Override
    public Tensor meanLoss(Module model, List<Row> batch) {
        int n = batch.size();
        int[] users = new int[n];
        int[] items = new int[n];
        float[] labels = new float[n];
        for (int r = 0; r < n; r++) {
            Row row = batch.get(r);
            users[r] = row.getInt(0);
            items[r] = row.getInt(1);
            labels[r] = row.getFloat(2);
        }
        Tensor logits = ((PairModel) model).call(PairModel.inputs(users, items));
        return Losses.binaryCrossEntropy(logits, Tensor.of(labels, n, 1));
    }
}
