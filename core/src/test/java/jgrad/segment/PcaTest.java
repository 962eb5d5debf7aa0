package jgrad.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** PCA against scikit-learn 1.2.1's PCA on the 6-column fixture (see make_fixtures.py), and the eigen-solver by hand. */
class PcaTest {

    @Test
    void varianceComponentsAndReconstructionEqualScikitLearns() {
        double[][] x = SklearnFixture.points("wide.csv");
        Map<String, String> sklearn = SklearnFixture.expected("wide.expected");
        Pca pca = Pca.fit(x, 3);
        assertArrayEquals(SklearnFixture.numbers(sklearn.get("explained_variance")), pca.explainedVariance(), 1e-9);
        assertArrayEquals(SklearnFixture.numbers(sklearn.get("explained_variance_ratio")), pca.explainedVarianceRatio(), 1e-12);
        double[][] expected = SklearnFixture.matrix(sklearn.get("components"));
        double[][] ours = pca.components();
        for (int i = 0; i < 3; i++) {
            double sign = Math.signum(dot(expected[i], ours[i]));          // eigenvectors are defined up to sign
            for (int c = 0; c < 6; c++) {
                assertEquals(expected[i][c], sign * ours[i][c], 1e-8, "component " + i + ", column " + c);
            }
        }
        assertEquals(Double.parseDouble(sklearn.get("reconstruction_mse")), pca.reconstructionError(x), 1e-12);
    }

    @Test
    void jacobiDiagonalizesAHandWorkedMatrix() {
        // [[2, 1], [1, 2]] has eigenvalues 3 (along (1, 1)/√2) and 1 (along (1, −1)/√2)
        SymmetricEigen.Result r = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {3, 1}, r.values(), 1e-14);
        double h = Math.sqrt(0.5);
        assertEquals(h, Math.abs(r.vectors()[0][0]), 1e-14);
        assertEquals(r.vectors()[0][0], r.vectors()[0][1], 1e-14);
        assertEquals(r.vectors()[1][0], -r.vectors()[1][1], 1e-14);
    }

    @Test
    void allComponentsRebuildTheRowsAndAConstantColumnHasNoVariance() {
        double[][] x = {{1, 5, 2}, {2, 5, 0}, {4, 5, 1}, {0, 5, 3}};
        Pca pca = Pca.fit(x, 3);
        assertEquals(0, pca.reconstructionError(x), 1e-24);
        assertEquals(0, pca.explainedVariance()[2], 1e-15);                   // the constant middle column
        double[][] scores = pca.transform(x);
        double mean = 0;
        for (double[] s : scores) {
            mean += s[0] / scores.length;
        }
        assertEquals(0, mean, 1e-12);
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new double[][] {{1, 2}}, 1));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new double[][] {{1, 2}, {3, 4}}, 3));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
