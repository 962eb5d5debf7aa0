package jgrad.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jgrad.data.BadRows;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.metrics.ClassificationMetrics;

class CrossValidationTest {

    @Test
    void foldsPartitionTheRowsIntoNearEqualParts() {
        int[] fold = CrossValidation.folds(103, 5, 1);
        int[] sizes = new int[5];
        for (int f : fold) {
            sizes[f]++;
        }
        for (int s : sizes) {
            assertTrue(s == 20 || s == 21, "fold size " + s);
        }
        assertArrayEquals(fold, CrossValidation.folds(103, 5, 1), "same seed, same folds");
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.folds(3, 4, 1));
    }

    @Test
    void meanAndSampleSd() {
        CrossValidation.Result r = new CrossValidation.Result("m", new double[] {0.7, 0.8, 0.9});
        assertEquals(0.8, r.mean(), 1e-12);
        assertEquals(0.1, r.sd(), 1e-12);
    }

    /** d = (0.02, −0.01, 0.05): mean 0.02, sd 0.03, standard error 0.03/√3, a not below b in 2 of 3 folds. */
    @Test
    void pairedDifferenceFoldByFold() {
        var a = new CrossValidation.Result("a", new double[] {0.80, 0.70, 0.95});
        var b = new CrossValidation.Result("b", new double[] {0.78, 0.71, 0.90});
        var d = CrossValidation.PairedDifference.of(a, b);
        assertEquals(0.02, d.mean(), 1e-12);
        assertEquals(0.03, d.sd(), 1e-12);
        assertEquals(0.03 / Math.sqrt(3), d.standardError(), 1e-12);
        assertEquals(3, d.folds());
        assertEquals(2, d.notBelow());
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.PairedDifference.of(a,
                new CrossValidation.Result("c", new double[] {0.5, 0.5})));
    }

    /**
     * Every learner sees the same training rows and scores the same fold; repeats reshuffle with seed, seed + 1;
     * a learner scoring the label itself gets AUC 1 on every fold.
     */
    @Test
    void tableLearnersShareTheFoldsOfEachRepeat() {
        int n = 40;
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int r = 0; r < n; r++) {
            csv.append(r).append(',').append(r % 3 == 0 ? "yes" : "no").append('\n');
        }
        Table t = table(csv.toString());
        java.util.List<String> seenA = new java.util.ArrayList<>();
        java.util.List<String> seenB = new java.util.ArrayList<>();
        CrossValidation.Result[] r = CrossValidation.run(t, "y", 4, 9, 2, recorder("a", seenA), recorder("b", seenB));
        assertEquals(seenA, seenB);
        assertEquals(8, seenA.size());
        int[] fold0 = CrossValidation.folds(n, 4, 9);
        int[] fold1 = CrossValidation.folds(n, 4, 10);
        assertEquals(rowsOf(fold0, 0), seenA.get(0));
        assertEquals(rowsOf(fold1, 3), seenA.get(7));
        for (double auc : r[0].foldAuc()) {
            assertEquals(1.0, auc, 0);
        }
    }

    private static String rowsOf(int[] fold, int f) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < fold.length; r++) {
            if (fold[r] == f) {
                sb.append(r).append(' ');
            }
        }
        return sb.toString();
    }

    private static Table table(String csv) {
        try {
            return new CsvReader(CsvFormat.csv(), Schema.of(Column.of("x", ColumnType.DOUBLE), Column.of("y",
                    ColumnType.BOOLEAN))).read(new java.io.StringReader(csv), "test.csv", BadRows.failFast());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Records which rows it scored and scores each row by its label. */
    private static CrossValidation.TableLearner recorder(String name, java.util.List<String> seen) {
        return new CrossValidation.TableLearner() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] fitAndScore(Table train, Table score, long seed) {
                double[] x = score.doubles("x");
                StringBuilder sb = new StringBuilder();
                for (double v : x) {
                    sb.append((int) v).append(' ');
                }
                seen.add(sb.toString());
                boolean[] y = score.booleans("y");
                double[] p = new double[y.length];
                for (int i = 0; i < p.length; i++) {
                    p[i] = y[i] ? 1 : 0;
                }
                return p;
            }
        };
    }

    /** A logistic truth P(1) = σ(2x₀ − x₁): the baseline recovers a ranking close to the truth's own AUC. */
    @Test
    void logisticBaselineRanksLikeTheTruth() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        int n = 2000;
        float[] x = new float[2 * n];
        int[] y = new int[n];
        double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) rng.nextGaussian();
            x[2 * i + 1] = (float) rng.nextGaussian();
            truth[i] = 1 / (1 + Math.exp(-(2 * x[2 * i] - x[2 * i + 1])));
            y[i] = rng.nextDouble() < truth[i] ? 1 : 0;
        }
        double[] p = new LogisticResponse().fitAndScore(x, y, x, 2, 1);
        assertEquals(ClassificationMetrics.rocAuc(truth, y), ClassificationMetrics.rocAuc(p, y), 0.002);
    }
}
