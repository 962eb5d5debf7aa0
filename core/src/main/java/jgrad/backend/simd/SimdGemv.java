package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.Reusable;

/**
 * GEMM where one side is a single row or column (m = 1 or n = 1): a matrix-vector product. The
 * register-tiled kernel would waste all but one of its rows or columns here, so these shapes run
 * as dot products (when the matrix's rows run along k) or as sums of scaled rows (when they run
 * along the output), both contiguous. The vector is first gathered into a contiguous scratch.
 */
final class SimdGemv {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    private static final Reusable<float[][]> SCRATCH = new Reusable<>(() -> new float[2][0]);

    private SimdGemv() {
    }

    /** C (m×1 or 1×n, already scaled by β) += op(A)·op(B); {@code add} false means C is overwritten. */
    static void gemv(boolean ta, boolean tb, int m, int n, int k, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb, boolean add, float[] c, int cOff, int ldc) {
        float[][] s = SCRATCH.take();
        try {
            gemv(s, ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, add, c, cOff, ldc);
        } finally {
            SCRATCH.give(s);
        }
    }

    private static void gemv(float[][] s, boolean ta, boolean tb, int m, int n, int k, float[] a, int aOff, int lda,
                             float[] b, int bOff, int ldb, boolean add, float[] c, int cOff, int ldc) {
        if (n == 1) {       // c_i = Σ_p op(A)_ip · x_p with x = column 0 of op(B)
            float[] x = gather(s, 0, k, b, bOff, tb ? 1 : ldb);
            float[] y = scratch(s, 1, m);
            if (ta) {
                sumOfRows(k, m, a, aOff, lda, x, y);
            } else {
                dots(m, k, a, aOff, lda, x, y);
            }
            for (int i = 0; i < m; i++) {
                int ci = cOff + i * ldc;
                c[ci] = add ? c[ci] + y[i] : y[i];
            }
        } else {            // c_j = Σ_p x_p · op(B)_pj with x = row 0 of op(A)
            float[] x = gather(s, 0, k, a, aOff, ta ? lda : 1);
            float[] y = scratch(s, 1, n);
            if (tb) {
                dots(n, k, b, bOff, ldb, x, y);
            } else {
                sumOfRows(k, n, b, bOff, ldb, x, y);
            }
            for (int j = 0; j < n; j++) {
                c[cOff + j] = add ? c[cOff + j] + y[j] : y[j];
            }
        }
    }

    /** y_i = Σ_p M[i][p]·x_p for rows of M that are contiguous along p. */
    private static void dots(int rows, int k, float[] mat, int off, int ld, float[] x, float[] y) {
        for (int i = 0; i < rows; i++) {
            y[i] = SimdReductions.dot(mat, off + i * ld, x, 0, k);
        }
    }

    /** y = Σ_p x_p·M[p][·] for rows of M (of length len) that are contiguous along the output. */
    private static void sumOfRows(int k, int len, float[] mat, int off, int ld, float[] x, float[] y) {
        java.util.Arrays.fill(y, 0, len, 0f);
        int bound = S.loopBound(len);
        for (int p = 0; p < k; p++) {
            int row = off + p * ld;
            FloatVector xp = FloatVector.broadcast(S, x[p]);
            int j = 0;
            for (; j < bound; j += L) {
                xp.fma(FloatVector.fromArray(S, mat, row + j), FloatVector.fromArray(S, y, j)).intoArray(y, j);
            }
            for (; j < len; j++) {
                y[j] = Math.fma(x[p], mat[row + j], y[j]);
            }
        }
    }

    /** The k values src[off + p·step] copied into scratch slot {@code slot}. */
    private static float[] gather(float[][] s, int slot, int k, float[] src, int off, int step) {
        float[] x = scratch(s, slot, k);
        for (int p = 0; p < k; p++) {
            x[p] = src[off + p * step];
        }
        return x;
    }

    private static float[] scratch(float[][] s, int slot, int size) {
        if (s[slot].length < size) {
            s[slot] = new float[Math.max(size, 2 * s[slot].length)];
        }
        return s[slot];
    }
}
