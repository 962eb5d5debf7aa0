package jgrad.campaign;

import java.util.SplittableRandom;

import jgrad.data.csv.Table;
import jgrad.metrics.ClassificationMetrics;

/**
 * k-fold cross-validated ROC AUC of response learners on the same folds and features: the rows are shuffled
 * once (seeded) and cut into k folds; for each fold, the features are fitted on the other k − 1 folds only,
 * every learner is fitted there and scores the fold. Reports each learner's mean and standard deviation of
 * the k fold AUCs.
 */
public final class CrossValidation {

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
        Result[] results = new Result[learners.length];
        for (int l = 0; l < learners.length; l++) {
            results[l] = new Result(learners[l].name(), auc[l]);
        }
        return results;
    }

    private static int[] rowsWhere(int[] fold, int f, boolean in) {
        return java.util.stream.IntStream.range(0, fold.length).filter(r -> (fold[r] == f) == in).toArray();
    }
}
