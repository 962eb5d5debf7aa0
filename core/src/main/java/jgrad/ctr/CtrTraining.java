package jgrad.ctr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import jgrad.autograd.Autograd;
import jgrad.backend.Device;
import jgrad.data.Batches;
import jgrad.metrics.ClassificationMetrics;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;
import jgrad.train.WeightsSnapshot;

/**
 * Trains a {@link CtrModel} with Adam on the mean binary cross-entropy (plus {@link MiniBatchAwareL2} when
 * λ > 0) in shuffled batches, measures the validation AUC after each epoch, stops when it has not improved
 * for {@code patience} epochs, and leaves the model with the weights of its best epoch.
 */
public final class CtrTraining {

    /** Batch size, Adam's learning rate (PyTorch's β and ε), epochs at most, patience, MBA λ. */
    public record Settings(int batchSize, double learningRate, int maxEpochs, int patience, double mbaLambda) {

        public Settings {
            if (batchSize <= 0 || maxEpochs <= 0 || patience <= 0 || !(learningRate > 0)) {
                throw new IllegalArgumentException("training settings must be positive, got batch " + batchSize
                        + ", learning rate " + learningRate + ", epochs " + maxEpochs + ", patience " + patience);
            }
        }

        /** The settings: batch 256, Adam 1e-3, at most {@code maxEpochs}, patience 2, no MBA. */
        public static Settings standard(int maxEpochs) {
            return new Settings(256, 1e-3, maxEpochs, 2, 0);
        }

        public Settings withMbaLambda(double lambda) {
            return new Settings(batchSize, learningRate, maxEpochs, patience, lambda);
        }
    }

    /** One epoch: the mean training loss (with the penalty) and the validation scores after it. */
    public record Epoch(int number, double trainLoss, Scores validation, double seconds) {
    }

    /** Test or validation scores: ROC AUC and log loss. */
    public record Scores(double auc, double logLoss) {
    }

    /** Every epoch run and the index of the best (the weights the model was left with). */
    public record Result(List<Epoch> epochs, int bestIndex) {

        public Epoch best() {
            return epochs.get(bestIndex);
        }
    }

    private CtrTraining() {
    }

    public static Result fit(CtrModel model, CtrExamples train, CtrExamples validation, Settings s,
                             RandomGenerator random, Consumer<Epoch> onEpoch) {
        requireBothLabels("training", train);
        requireBothLabels("validation", validation);
        Optimizer optimizer = new Adam(s.learningRate()).bind(model);
        MiniBatchAwareL2 mba = s.mbaLambda() > 0 ? MiniBatchAwareL2.of(train, s.mbaLambda()) : null;
        WeightsSnapshot best = new WeightsSnapshot();
        List<Epoch> epochs = new ArrayList<>();
        int bestIndex = -1;
        for (int e = 0; e < s.maxEpochs() && (bestIndex < 0 || e - bestIndex <= s.patience()); e++) {
            long start = System.nanoTime();
            double loss = trainEpoch(model, optimizer, mba, train, s.batchSize(), random);
            Epoch epoch = new Epoch(e + 1, loss, evaluate(model, validation, s.batchSize()),
                    (System.nanoTime() - start) / 1e9);
            epochs.add(epoch);
            if (bestIndex < 0 || epoch.validation().auc() > epochs.get(bestIndex).validation().auc()) {
                bestIndex = e;
                best.take(model);
            }
            onEpoch.accept(epoch);
        }
        best.restore(model);
        return new Result(epochs, bestIndex);
    }

    /** Early stopping on the validation AUC needs clicks and non-clicks in it (and training needs both). */
    private static void requireBothLabels(String part, CtrExamples examples) {
        if (examples.size() == 0) {
            throw new IllegalArgumentException("there are no " + part + " examples");
        }
        double rate = examples.positiveRate();
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("the " + part + " examples (" + examples.size() + ") are all of "
                    + (rate > 0 ? "label 1" : "label 0") + ": the AUC that early stopping follows is undefined");
        }
    }

    /** One pass over shuffled batches; the mean loss, summed on the device and read once. */
    static double trainEpoch(CtrModel model, Optimizer optimizer, MiniBatchAwareL2 mba, CtrExamples train,
                             int batchSize, RandomGenerator random) {
        model.train();
        Tensor total = null;
        int[][] batches = Batches.shuffled(train.size(), batchSize, random);
        for (int[] rows : batches) {
            CtrBatch batch = CtrBatch.of(train, rows, model.device());
            optimizer.zeroGrad();
            Tensor loss = Losses.binaryCrossEntropy(model.logits(batch), batch.labels());
            if (mba != null) {
                loss = loss.add(mba.penalty(model, batch));
            }
            loss.backward();
            optimizer.step();
            total = total == null ? loss.detach() : total.add(loss.detach());
        }
        return total.to(Device.CPU).item() / batches.length;
    }

    /** P(click) for every example, in evaluation mode, in row order. */
    public static double[] probabilities(CtrModel model, CtrExamples examples, int batchSize) {
        model.eval();
        double[] p = new double[examples.size()];
        try (var off = Autograd.noGrad()) {
            for (int[] rows : Batches.sequential(examples.size(), batchSize)) {
                double[] z = model.logits(CtrBatch.of(examples, rows, model.device())).sigmoid().to(Device.CPU)
                        .toDoubleArray();
                for (int k = 0; k < rows.length; k++) {
                    p[rows[k]] = z[k];
                }
            }
        }
        model.train();
        return p;
    }

    /** AUC and log loss of the model on {@code examples}. */
    public static Scores evaluate(CtrModel model, CtrExamples examples, int batchSize) {
        double[] p = probabilities(model, examples, batchSize);
        return new Scores(ClassificationMetrics.rocAuc(p, examples.labels()),
                ClassificationMetrics.logLoss(p, examples.labels()));
    }
}
