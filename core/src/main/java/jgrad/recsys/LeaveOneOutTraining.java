package jgrad.recsys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import jgrad.data.ImplicitExamples;
import jgrad.data.LeaveOneOutData;
import jgrad.data.NegativeSampler;
import jgrad.nn.loss.Losses;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;
import jgrad.train.EarlyStopping;
import jgrad.train.Fit;
import jgrad.train.History;

/**
 * Training of an implicit-feedback model (NCF's GMF, MLP, NeuMF) under the leave-one-out protocol
 * (He et al. 2017, §4.1): each epoch is one pass over the training ratings as positives (label 1), each with
 * {@code negatives} items the user has not rated drawn afresh (label 0), minimizing the binary cross-entropy of
 * the logits in batches; after it, every held-out item is ranked among its candidates:
 * <pre>
 *   HR@K = (1/|U|) Σ_u [rank_u ≤ K],   NDCG@K = (1/|U|) Σ_u [rank_u ≤ K] / log₂(rank_u + 1)
 * </pre>
 * ({@link Evaluation#leaveOneOut}). Epoch e shuffles its batches with seed {@code 1000·seed + e}, and the
 * negatives of all epochs come from one generator seeded with {@code seed}, so a seed gives the same run.
 */
public final class LeaveOneOutTraining {

    /** One epoch: its 0-based index, the seconds of its training (the ranking not counted), and its logs. */
    public record Epoch(int index, double trainSeconds, Map<String, Double> logs) {
    }

    /**
     * A run: its epochs, and the best one by HR@K (the first of equal values). After
     * {@link #trainUntilStalled} the model holds the weights of that epoch, otherwise those of the last.
     */
    public record Result(List<Epoch> epochs, int bestEpoch) {

        public Epoch best() {
            return epochs.get(bestEpoch);
        }

        public Epoch last() {
            return epochs.getLast();
        }

        /** The mean training seconds of an epoch. */
        public double secondsPerEpoch() {
            return epochs.stream().mapToDouble(Epoch::trainSeconds).average().orElse(Double.NaN);
        }
    }

    private final LeaveOneOutData data;
    private final int negatives;
    private final int batchSize;
    private final int k;
    private final NegativeSampler sampler;

    /** @param negatives sampled per positive per epoch; {@code k}: the cut-off of HR@K and NDCG@K */
    public LeaveOneOutTraining(LeaveOneOutData data, int negatives, int batchSize, int k) {
        if (negatives < 1 || batchSize < 1 || k < 1) {
            throw new IllegalArgumentException("leave-one-out training: negatives, batch size and K must be positive,"
                    + " got " + negatives + ", " + batchSize + " and " + k);
        }
        this.data = data;
        this.negatives = negatives;
        this.batchSize = batchSize;
        this.k = k;
        this.sampler = new NegativeSampler(data.train().users(), data.train().items(), data.numUsers(),
                data.numItems());
    }

    /** The log key of the hit rate, "hr@K". */
    public String hitRateKey() {
        return "hr@" + k;
    }

    /** The log key of the NDCG, "ndcg@K". */
    public String ndcgKey() {
        return "ndcg@" + k;
    }

    /** HR@K and NDCG@K of the model on the held-out items, under their log keys. */
    public Map<String, Double> rank(PairModel model) {
        Evaluation.Ranking r = Evaluation.leaveOneOut(model, data.users(), data.testItems(), data.negatives(), k);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(hitRateKey(), r.hitRate());
        m.put(ndcgKey(), r.ndcg());
        return m;
    }

    /** Trains {@code epochs} epochs with the optimizer; {@code listener} hears of each epoch as it ends. */
    public Result train(PairModel model, Optimizer optimizer, int epochs, long seed, Consumer<Epoch> listener) {
        return run(model, optimizer, epochs, seed, new EarlyStopping(hitRateKey(), true, Integer.MAX_VALUE, 0, false),
                listener);
    }

    /**
     * Trains until HR@K has not improved for {@code patience} epochs, at most {@code maxEpochs}, and ends with
     * the weights of the best epoch: "until convergence", as the NCF authors pretrain GMF and MLP for NeuMF.
     */
    public Result trainUntilStalled(PairModel model, Optimizer optimizer, int patience, int maxEpochs, long seed,
            Consumer<Epoch> listener) {
        return run(model, optimizer, maxEpochs, seed, new EarlyStopping(hitRateKey(), true, patience, 0, true),
                listener);
    }

    private Result run(PairModel model, Optimizer optimizer, int maxEpochs, long seed, EarlyStopping stopping,
            Consumer<Epoch> listener) {
        model.compile(optimizer, Losses::binaryCrossEntropy);
        SplittableRandom negativeDraws = new SplittableRandom(seed);
        List<Epoch> epochs = new ArrayList<>();
        stopping.reset();
        for (int e = 0; e < maxEpochs; e++) {
            ImplicitExamples ex = sampler.epoch(data.train().users(), data.train().items(), negatives, negativeDraws);
            long start = System.nanoTime();
            History h = model.fit(PairModel.inputs(ex.users(), ex.items()), Tensor.of(ex.labels(), ex.size(), 1),
                    Fit.epochs(1).batchSize(batchSize).seed(seed * 1000 + e).verbose(0));
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> logs = new LinkedHashMap<>();
            h.asMap().forEach((key, values) -> logs.put(key, values.getLast()));
            logs.putAll(rank(model));
            Epoch epoch = new Epoch(e, seconds, logs);
            epochs.add(epoch);
            listener.accept(epoch);
            if (stopping.update(e, logs.get(hitRateKey()), model)) {
                break;
            }
        }
        stopping.restoreBest(model);
        return new Result(List.copyOf(epochs), stopping.bestEpoch());
    }
}
