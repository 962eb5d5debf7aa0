package jgrad.nn.init;

import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * A random matrix with orthonormal rows or columns: modified Gram–Schmidt on the columns of a
 * Gaussian matrix (its Q factor is uniformly distributed over the orthogonal matrices).
 * Runs once per parameter at construction, so plain loops are fine here.
 */
final class Orthogonal {

    private Orthogonal() {
    }

    /** Q [rows, cols]: orthonormal columns when rows ≥ cols, else orthonormal rows. */
    static Tensor sample(RandomGenerator rng, int rows, int cols) {
        boolean tall = rows >= cols;
        int n = tall ? rows : cols;
        int k = tall ? cols : rows;
        double[][] q = new double[k][n];
        for (int j = 0; j < k; j++) {
            do {
                for (int i = 0; i < n; i++) {
                    q[j][i] = rng.nextGaussian();
                }
            } while (!orthonormalize(q, j));
        }
        double[] data = new double[rows * cols];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                data[tall ? i * cols + j : j * cols + i] = q[j][i];
            }
        }
        return Tensor.of(data, rows, cols).to(DType.F64);
    }

    /** Makes q[j] orthogonal to q[0..j) and of unit length; false if it was (numerically) dependent. */
    private static boolean orthonormalize(double[][] q, int j) {
        for (int p = 0; p < j; p++) {
            double dot = 0;
            for (int i = 0; i < q[j].length; i++) {
                dot += q[p][i] * q[j][i];
            }
            for (int i = 0; i < q[j].length; i++) {
                q[j][i] -= dot * q[p][i];
            }
        }
        double norm = 0;
        for (double v : q[j]) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm < 1e-10) {
            return false;
        }
        for (int i = 0; i < q[j].length; i++) {
            q[j][i] /= norm;
        }
        return true;
    }
}
