package jgrad.sequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import jgrad.backend.Arena;
import jgrad.backend.Device;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * Trains a {@link SequenceModel} as SASRec does (Kang and McAuley 2018, §3.5): in each epoch every user
 * with at least two training items appears once, in a seeded random order, in batches of B (or, with
 * {@link Sampling#RANDOM}, ⌊users / B⌋ batches of users drawn with replacement); a user's input
 * is the training prefix without its last item and the positives are the prefix shifted by one, both the
 * last {@code maxLength} steps, padded on the left; each step gets one negative drawn uniformly from the
 * items outside the user's training prefix. A batch is as long as its longest input (≤ maxLength), and the
 * positions of a shorter batch are the right end of SASRec's ({@link SequenceBatch}), so this is exactly the
 * loss of sequences padded to maxLength; to keep padding small, the shuffled users are taken
 * {@link #BUCKET_BATCHES} batches at a time, sorted by length within them, and the batches of an epoch are
 * visited in a seeded random order. A user's loss does not depend on the others in its batch, but its weight
 * in a step does (the loss is the mean over the batch's positions). After every {@code evalEvery} epochs the
 * validation and test targets are ranked ({@link NextItemEvaluation}) on one snapshot of the model
 * ({@link SequenceModel#forServing}); the best epoch is the one with the highest validation
 * NDCG@K on the sampled candidates, so the test targets never choose it.
 */
public final class NextItemTraining {

    /** How many batches' worth of shuffled users are sorted by length together. */
    static final int BUCKET_BATCHES = 4;

    /** How the users of an epoch are put into batches. */
    public enum Sampling {
        /** every user once, shuffled, sorted by length within {@link #BUCKET_BATCHES} batches (little padding) */
        BUCKETED,
        /**
         * ⌊users / B⌋ batches (at least one) of B users drawn uniformly with replacement, as the SASRec authors'
         * sampler does: a batch mixes short and long histories, so each step weighs the positions of its users
         * like those of a random sample (and is padded to its longest history)
         */
        RANDOM
    }

    private final SequenceData data;
    private final int batchSize;
    private final int k;
    private final Sampling sampling;

    /** One evaluated epoch: mean training loss, training seconds, and the validation and test metrics. */
    public record Epoch(int epoch, double loss, double seconds, NextItemEvaluation.Metrics valid,
                        NextItemEvaluation.Metrics test) {
    }

    /** Every evaluated epoch and the one chosen on the validation targets. */
    public record Result(List<Epoch> epochs, Epoch best) {
    }

    public NextItemTraining(SequenceData data, int batchSize, int k) {
        this(data, batchSize, k, Sampling.BUCKETED);
    }

    public NextItemTraining(SequenceData data, int batchSize, int k, Sampling sampling) {
        if (batchSize < 1 || k < 1) {
            throw new IllegalArgumentException("NextItemTraining: batch size and K must be ≥ 1, got " + batchSize + ", " + k);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.k = k;
        this.sampling = java.util.Objects.requireNonNull(sampling, "sampling");
    }

    /**
     * Trains for {@code epochs} epochs from the seed, evaluating after every {@code evalEvery} (and the last)
     * and passing each evaluated epoch to {@code progress}.
     */
    public Result train(SequenceModel model, Optimizer optimizer, int epochs, int evalEvery, long seed,
                        Consumer<Epoch> progress) {
        optimizer.bind(model);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Epoch> evaluated = new ArrayList<>();
        Epoch best = null;
        double seconds = 0;
        for (int e = 1; e <= epochs; e++) {
            long start = System.nanoTime();
            double loss = epoch(model, optimizer, rng);
            seconds += (System.nanoTime() - start) / 1e9;
            if (e % evalEvery != 0 && e != epochs) {
                continue;
            }
            SequenceServing snapshot = model.forServing();
            Epoch result = new Epoch(e, loss, seconds,
                    NextItemEvaluation.evaluate(snapshot, data, SequenceData.Target.VALID, k),
                    NextItemEvaluation.evaluate(snapshot, data, SequenceData.Target.TEST, k));
            seconds = 0;
            evaluated.add(result);
            if (best == null || result.valid().ndcgSampled() > best.valid().ndcgSampled()) {
                best = result;
            }
            progress.accept(result);
        }
        return new Result(evaluated, best);
    }

    /** One pass over the users; returns the mean of the batches' losses. */
    public double epoch(SequenceModel model, Optimizer optimizer, RandomGenerator rng) {
        model.train();
        double sum = 0;
        List<int[]> batches = batches(rng);
        for (int[] chosen : batches) {
            SequenceBatch batch = batch(chosen, model.maxLength(), rng);
            sum += step(model, optimizer, batch);
        }
        return sum / Math.max(1, batches.size());
    }

    /**
     * One training step on a batch: the loss, its gradients, the optimizer's update; returns the loss. The step
     * runs in step memory ({@link Arena}): its storages are lent again to the next step, also when the next
     * batch is shorter (SASRec on ML-100K allocates about 800 MB a step, which the JVM would otherwise clear
     * on this thread every time).
     */
    public static double step(SequenceModel model, Optimizer optimizer, SequenceBatch batch) {
        try (Arena ignored = Arena.open()) {
            optimizer.zeroGrad();
            Tensor loss = model.loss(batch);
            loss.backward();
            optimizer.step();
            return loss.to(Device.CPU).item();
        }
    }

    /** The users of one epoch in batches ({@link Sampling}). */
    List<int[]> batches(RandomGenerator rng) {
        return sampling == Sampling.RANDOM ? drawnBatches(rng) : bucketedBatches(rng);
    }

    private List<int[]> drawnBatches(RandomGenerator rng) {
        int[] users = trainableUsers();
        List<int[]> batches = new ArrayList<>();
        for (int b = 0; b < Math.max(1, users.length / batchSize); b++) {
            batches.add(IntStream.range(0, batchSize).map(i -> users[rng.nextInt(users.length)]).toArray());
        }
        return batches;
    }

    /** Shuffled, sorted by length within buckets, batches in random order. */
    private List<int[]> bucketedBatches(RandomGenerator rng) {
        int[] users = trainableUsers();
        shuffle(users, rng);
        int bucket = batchSize * BUCKET_BATCHES;
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < users.length; from += bucket) {
            int[] sorted = Arrays.stream(users, from, Math.min(users.length, from + bucket)).boxed()
                    .sorted(Comparator.comparingInt(u -> data.trainingPrefix(u).length))
                    .mapToInt(Integer::intValue).toArray();
            for (int b = 0; b < sorted.length; b += batchSize) {
                batches.add(Arrays.copyOfRange(sorted, b, Math.min(sorted.length, b + batchSize)));
            }
        }
        Collections.shuffle(batches, rng);
        return batches;
    }

    /** The users with at least two training items (one input and its next item). */
    int[] trainableUsers() {
        return IntStream.range(0, data.numUsers()).filter(u -> data.trainingPrefix(u).length >= 2)
                .toArray();
    }

    /** The training batch of these users (see the class comment), negatives drawn from {@code rng}. */
    public SequenceBatch batch(int[] users, int maxLength, RandomGenerator rng) {
        int steps = 1;
        for (int u : users) {
            steps = Math.max(steps, Math.min(maxLength, data.trainingPrefix(u).length - 1));
        }
        int n = users.length * steps;
        int[] inputs = new int[n];
        int[] positives = new int[n];
        int[] negatives = new int[n];
        for (int b = 0; b < users.length; b++) {
            int[] prefix = data.trainingPrefix(users[b]);
            int length = prefix.length - 1;
            SequenceBatch.rightAligned(prefix, length, inputs, b, steps);
            SequenceBatch.rightAligned(Arrays.copyOfRange(prefix, 1, prefix.length), length, positives, b, steps);
            BitSet seen = new BitSet(data.numItems() + 1);
            for (int item : prefix) {
                seen.set(item);
            }
            for (int t = b * steps; t < (b + 1) * steps; t++) {
                if (positives[t] != 0) {
                    negatives[t] = NegativeDraws.one(seen, data.numItems(), rng);
                }
            }
        }
        return new SequenceBatch(users.length, steps, inputs, positives, negatives);
    }

    private static void shuffle(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
