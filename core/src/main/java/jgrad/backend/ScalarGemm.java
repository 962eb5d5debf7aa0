package jgrad.backend;

/**
 * The reference loop of the matrix product ({@link MatrixKernels#gemm}), accumulating each row of C in
 * double.
 */
final class ScalarGemm {

    private ScalarGemm() {
    }

    /**
     * c_ij = Σ_p op(A)_ip · op(B)_pj + β c_ij, summed in double. Row i of C is built as
     * Σ_p a_ip · (row p of op(B)), which walks B along its rows.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     Storage a, int aOff, int lda, Storage b, int bOff, int ldb,
                     double beta, Storage c, int cOff, int ldc) {
        double[] row = rowBuffer(n);
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(row, 0, n, 0);
            for (int p = 0; p < k; p++) {
                double aip = a.get(aOff + (transA ? p * lda + i : i * lda + p));
                addScaledRow(row, n, aip, b, transB, bOff, ldb, p);
            }
            for (int j = 0; j < n; j++) {
                int ci = cOff + i * ldc + j;
                c.set(ci, beta == 0 ? row[j] : row[j] + beta * c.get(ci));
            }
        }
    }

    /** The row accumulator of {@link #gemm}, kept per thread so that a training step does not allocate one per product. */
    private static final ThreadLocal<double[][]> GEMM_ROW = ThreadLocal.withInitial(() -> new double[][] {new double[0]});

    private static double[] rowBuffer(int n) {
        double[][] holder = GEMM_ROW.get();
        if (holder[0].length < n) {
            holder[0] = new double[n];
        }
        return holder[0];
    }

    /** row[j] += s · op(B)_pj for j in [0, n); reads a float array directly, the common case. */
    private static void addScaledRow(double[] row, int n, double s, Storage b, boolean transB, int bOff, int ldb, int p) {
        int start = bOff + (transB ? p : p * ldb);
        int step = transB ? ldb : 1;
        if (b instanceof Storage.F32 f) {
            for (int j = 0; j < n; j++) {
                row[j] += s * f.a[start + j * step];
            }
        } else {
            for (int j = 0; j < n; j++) {
                row[j] += s * b.get(start + j * step);
            }
        }
    }
}
