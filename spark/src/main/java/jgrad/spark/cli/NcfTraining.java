package jgrad.spark.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import jgrad.backend.DType;
import jgrad.data.ImplicitExamples;
import jgrad.data.NegativeSampler;
import jgrad.examples.NcfExample;
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
 * rows are the training positives {@code (user, item)} with ids from 0; each epoch, partition p follows each
 * of its positives with {@code negatives} items its user never rated, drawn afresh from one
 * {@code SplittableRandom(seed + p)} (over the whole training set's positives), and shuffles them into batches
 * seeded per epoch; the loss is the binary cross-entropy from the logit, Adam (Keras's, 10⁻³), the model built
 * from {@code seed}. With one partition this is {@code LeaveOneOutTraining}'s run with the same seed.
 */
final class NcfTraining implements TrainingTask {

    private static final long serialVersionUID = 1L;

    private final int numUsers;
    private final int numItems;
    private final int[] trainUsers;
    private final int[] trainItems;
    private final int negatives;
    private final long seed;
    /** Built once per deserialized copy from the training positives. */
    private transient volatile NegativeSampler sampler;

    NcfTraining(int numUsers, int numItems, int[] trainUsers, int[] trainItems, int negatives, long seed) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.trainUsers = trainUsers;
        this.trainItems = trainItems;
        this.negatives = negatives;
        this.seed = seed;
    }

    @Override
    public Module newModel() {
        return new Ncf(Ncf.Kind.GMF, numUsers, numItems, NcfExample.FACTORS, NcfExample.MLP_DIM, NcfExample.layers(),
                DType.F32, new SplittableRandom(seed));
    }

    @Override
    public Optimizer newOptimizer() {
        return Adam.keras(1e-3);
    }

    @Override
    public int examplesPerRow() {
        return 1 + negatives;
    }

    @Override
    public BatchOrder batchOrder() {
        return BatchOrder.SEEDED_PER_EPOCH;
    }

    @Override
    public EpochExamples examples(List<Row> rows, int partition) {
        int[] users = new int[rows.size()];
        int[] items = new int[rows.size()];
        for (int r = 0; r < users.length; r++) {
            users[r] = rows.get(r).getInt(0);
            items[r] = rows.get(r).getInt(1);
        }
        SplittableRandom draws = new SplittableRandom(seed + partition);
        return epoch -> asRows(sampler().epoch(users, items, negatives, draws));
    }

    private NegativeSampler sampler() {
        if (sampler == null) {
            sampler = new NegativeSampler(trainUsers, trainItems, numUsers, numItems);
        }
        return sampler;
    }

    private static List<Row> asRows(ImplicitExamples ex) {
        List<Row> rows = new ArrayList<>(ex.size());
        for (int i = 0; i < ex.size(); i++) {
            rows.add(RowFactory.create(ex.users()[i], ex.items()[i], ex.labels()[i]));
        }
        return rows;
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
