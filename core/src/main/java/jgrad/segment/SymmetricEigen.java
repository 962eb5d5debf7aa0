package jgrad.segment;

/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method (Golub and Van Loan,
 * Matrix Computations, §8.5): plane rotations J(p, q, θ) chosen to zero a[p][q] are applied in sweeps over
 * all pairs p &lt; q until the off-diagonal mass is below 1e-22 of the total; A = V Λ Vᵀ. O(d³) per sweep,
 * meant for covariance matrices of a few hundred columns at most.
 */
final class SymmetricEigen {

    /** Eigenvalues in descending order, and the matching unit eigenvectors as rows. */
    record Result(double[] values, double[][] vectors) {
    }

    private SymmetricEigen() {
    }

    static Result of(double[][] symmetric) {
        int d = symmetric.length;
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = symmetric[i].clone();
        }
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100 && offDiagonal(a) > 1e-22 * total(a); sweep++) {
            for (int p = 0; p < d - 1; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        return sorted(a, v);
    }

    /** Zeroes a[p][q] by A ← Jᵀ A J and accumulates V ← V J (the columns of V are the eigenvectors). */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int d = a.length;
        for (int k = 0; k < d; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < d; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < d; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                s += i == j ? 0 : a[i][j] * a[i][j];
            }
        }
        return s;
    }

    private static double total(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double x : row) {
                s += x * x;
            }
        }
        return s == 0 ? 1 : s;
    }

    private static Result sorted(double[][] a, double[][] v) {
        int d = a.length;
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
        double[] values = new double[d];
        double[][] vectors = new double[d][d];
        for (int r = 0; r < d; r++) {
            values[r] = a[order[r]][order[r]];
            for (int k = 0; k < d; k++) {
                vectors[r][k] = v[k][order[r]];
            }
        }
        return new Result(values, vectors);
    }
}
