package jgrad.campaign;

import java.util.Arrays;
import java.util.SplittableRandom;

import jgrad.data.csv.Table;
import jgrad.metrics.ClassificationMetrics;

/**
 * k-fold cross-validated ROC AUC of response learners on the same folds: the rows are shuffled once (seeded) and
 * cut into k folds; for each fold, every learner is fitted on the other k − 1 folds only (its preprocessing
 * too) and scores the fold. Reports each learner's mean and standard deviation of the fold AUCs, and the paired
 * difference of two learners fold by fold, which removes the folds' own spread from the comparison. With
 * repeats, the shuffle is redone with seeds seed, seed + 1, … and the folds of all repeats are pooled.
 */
public final class CrossValidation {

    /** A learner that takes client rows as they are read and fits its own preprocessing on the training rows. */
    public interface TableLearner {

        String name();

        /** Fits on {@code train} and returns P(outcome = 1) for each row of {@code score}. */
        double[] fitAndScore(Table train, Table score, long seed);
    }

    /**
     * The fold-by-fold difference d_f = AUC_a,f − AUC_b,f of two learners on the same folds: its mean, its sample
     * standard deviation s and standard error s / √n over the n folds, and the number of folds where a is not below b.
     */
    public record PairedDifference(double mean, double sd, double standardError, int folds, int notBelow) {

        public static PairedDifference of(Result a, Result b) {
            double[] x = a.foldAuc();
            double[] y = b.foldAuc();
            if (x.length != y.length || x.length < 2) {
                throw new IllegalArgumentException("a paired difference needs the same folds (at least 2), got "
                        + x.length + " and " + y.length);
            }
            double[] d = new double[x.length];
            int notBelow = 0;
            for (int f = 0; f < d.length; f++) {
                d[f] = x[f] - y[f];
                notBelow += d[f] >= 0 ? 1 : 0;
            }
            Result diff = new Result(a.learner() + " − " + b.learner(), d);
            return new PairedDifference(diff.mean(), diff.sd(), diff.sd() / Math.sqrt(d.length), d.length, notBelow);
        }
    }

    /** One learner's result. */
    public record Result(String learner, double[] foldAuc) {

        public double mean() {
            double s = 0;
            for (double a : foldAuc) {
                s += a;
            }
            return s / foldAuc.length;
        }

        /** The sample standard deviation of the fold AUCs. */
        public double sd() {
            double m = mean();
            double s = 0;
            for (double a : foldAuc) {
                s += (a - m) * (a - m);
            }
            return Math.sqrt(s / (foldAuc.length - 1));
        }
    }

    private CrossValidation() {
    }

    /** The fold (0 … k − 1) of each row: a seeded shuffle cut into k near-equal parts. */
    public static int[] folds(int rows, int k, long seed) {
        if (k < 2 || k > rows) {
            throw new IllegalArgumentException("cross-validation needs 2 ≤ k ≤ rows, got k = " + k + " for " + rows
                    + " rows");
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[rows];
        for (int p = 0; p < rows; p++) {
            fold[order[p]] = (int) ((long) p * k / rows);
        }
        return fold;
    }

    public static Result[] run(Table clients, ClientSchema schema, int k, long seed, ResponseLearner... learners) {
        int[] fold = folds(clients.rowCount(), k, seed);
        double[][] auc = new double[learners.length][k];
        for (int f = 0; f < k; f++) {
            Table train = clients.select(rowsWhere(fold, f, false));
            Table test = clients.select(rowsWhere(fold, f, true));
            ResponseFeatures features = ResponseFeatures.fit(schema, train);
            float[] x = features.transform(train);
            float[] xt = features.transform(test);
            int[] y = features.labels(train);
            int[] yt = features.labels(test);
            for (int l = 0; l < learners.length; l++) {
                double[] p = learners[l].fitAndScore(x, y, xt, features.width(), seed + f);
                auc[l][f] = ClassificationMetrics.rocAuc(p, yt);
            }
        }
        return results(Arrays.stream(learners).map(ResponseLearner::name).toArray(String[]::new), auc);
    }

    /**
     * The learners' fold AUCs on the 0/1 (yes/no) column {@code outcome}, over {@code repeats} shufflings into
     * {@code k} folds (seeds {@code seed} … {@code seed + repeats − 1}); each learner is fitted with the seed
     * 1000 · repeat + fold.
     */
    public static Result[] run(Table clients, String outcome, int k, long seed, int repeats, TableLearner... learners) {
        if (repeats < 1) {
            throw new IllegalArgumentException("cross-validation needs at least 1 repeat, got " + repeats);
        }
        double[][] auc = new double[learners.length][k * repeats];
        for (int r = 0; r < repeats; r++) {
            int[] fold = folds(clients.rowCount(), k, seed + r);
            for (int f = 0; f < k; f++) {
                Table train = clients.select(rowsWhere(fold, f, false));
                Table test = clients.select(rowsWhere(fold, f, true));
                int[] yt = labels(test.booleans(outcome));
                for (int l = 0; l < learners.length; l++) {
                    double[] p = learners[l].fitAndScore(train, test, 1000L * r + f);
                    auc[l][r * k + f] = ClassificationMetrics.rocAuc(p, yt);
                }
            }
        }
        return results(Arrays.stream(learners).map(TableLearner::name).toArray(String[]::new), auc);
    }

    /** {@code learner} on the features of {@code schema}, fitted on each fold's training rows. */
    public static TableLearner onFeatures(ClientSchema schema, ResponseLearner learner) {
        return new TableLearner() {
            @Override
            public String name() {
                return learner.name();
            }

            @Override
            public double[] fitAndScore(Table train, Table score, long seed) {
                ResponseFeatures features = ResponseFeatures.fit(schema, train);
                return learner.fitAndScore(features.transform(train), features.labels(train), features.transform(score),
                        features.width(), seed);
            }
        };
    }

    private static Result[] results(String[] names, double[][] auc) {
        Result[] results = new Result[names.length];
        for (int l = 0; l < names.length; l++) {
            results[l] = new Result(names[l], auc[l]);
        }
        return results;
    }

    private static int[] labels(boolean[] y) {
        int[] labels = new int[y.length];
        for (int r = 0; r < y.length; r++) {
            labels[r] = y[r] ? 1 : 0;
        }
        return labels;
    }

    private static int[] rowsWhere(int[] fold, int f, boolean in) {
        return java.util.stream.IntStream.range(0, fold.length).filter(r -> (fold[r] == f) == in).toArray();
    }
}
