package jgrad.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import jgrad.backend.Device;
import jgrad.data.Batches;
import jgrad.data.split.Split;

/**
 * k-fold cross-validation of a {@link SentimentModel}: the rows are shuffled once by a seeded
 * permutation and cut into k folds of sizes differing by at most one; fold i tests the model trained on
 * the other k − 1 (vocabulary included, so test words stay unseen). The protocol of Kim (2014) on MR.
 */
public final class CrossValidation {

    /**
     * One fold's test accuracy, the seconds it took to train and test, and the development accuracy after each
     * epoch (empty when the settings hold out no development share).
     */
    public record Fold(int index, int trainSize, int testSize, double accuracy, double seconds,
                       List<Double> development) {

        public Fold(int index, int trainSize, int testSize, double accuracy, double seconds) {
            this(index, trainSize, testSize, accuracy, seconds, List.of());
        }

        /** The epoch (from 1) whose weights were kept: the first best on the development share; 0 without one. */
        public int keptEpoch() {
            int best = 0;
            for (int e = 1; e < development.size(); e++) {
                best = development.get(e) > development.get(best) ? e : best;
            }
            return development.isEmpty() ? 0 : best + 1;
        }
    }

    private CrossValidation() {
    }

    /** The k train/test splits of rows 0 … n−1 (each part ascending). */
    public static List<Split<int[]>> folds(int n, int k, long seed) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("cross-validation needs 2 ≤ folds ≤ rows, got " + k + " folds of "
                    + n + " rows");
        }
        int[] order = Batches.permutation(n, new SplittableRandom(seed));
        List<Split<int[]>> splits = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int from = (int) ((long) n * i / k);
            int to = (int) ((long) n * (i + 1) / k);
            int[] test = Arrays.copyOfRange(order, from, to);
            int[] train = new int[n - test.length];
            System.arraycopy(order, 0, train, 0, from);
            System.arraycopy(order, to, train, from, n - to);
            Arrays.sort(test);
            Arrays.sort(train);
            splits.add(new Split<>(train, test));
        }
        return splits;
    }

    /**
     * Trains and tests one model per fold (the first {@code limit} of the k folds, for a quicker estimate),
     * reporting each fold as it ends; the folds come from {@code settings.seed()}. With {@code settings.ensemble()}
     * above 1, each fold's model is a {@link SentimentEnsemble} of that many (the fold's development accuracies are
     * its first member's).
     */
    public static List<Fold> run(SentimentModel.Kind kind, LabeledSentences data, int k, int limit,
                                 SentimentSettings settings, Device device, Consumer<Fold> progress) {
        return run(kind, data, k, 0, limit, settings, device, progress);
    }

    /**
     * The same for folds {@code from + 1} … {@code to} of the k (numbered from 1): the parts of one
     * cross-validation run in several processes give the folds, seeds and models of the whole run.
     */
    public static List<Fold> run(SentimentModel.Kind kind, LabeledSentences data, int k, int from, int to,
                                 SentimentSettings settings, Device device, Consumer<Fold> progress) {
        List<Split<int[]>> splits = folds(data.size(), k, settings.seed());
        List<Fold> results = new ArrayList<>();
        for (int i = Math.max(0, from); i < Math.min(to, k); i++) {
            long start = System.nanoTime();
            Split<int[]> s = splits.get(i);
            SentimentEnsemble m = SentimentEnsemble.train(kind, data.rows(s.train()),
                    settings.withSeed(settings.seed() + i), device);
            double accuracy = m.accuracy(data.rows(s.test()));
            Fold f = new Fold(i + 1, s.train().length, s.test().length, accuracy, (System.nanoTime() - start) / 1e9,
                    m.developmentAccuracies().getFirst());
            results.add(f);
            progress.accept(f);
        }
        return results;
    }

    /** The mean accuracy of the folds. */
    public static double mean(List<Fold> folds) {
        return folds.stream().mapToDouble(Fold::accuracy).average().orElse(Double.NaN);
    }

    /** The sample standard deviation of the folds' accuracies (NaN for fewer than two). */
    public static double standardDeviation(List<Fold> folds) {
        double m = mean(folds);
        double ss = folds.stream().mapToDouble(f -> (f.accuracy() - m) * (f.accuracy() - m)).sum();
        return folds.size() < 2 ? Double.NaN : Math.sqrt(ss / (folds.size() - 1));
    }
}
