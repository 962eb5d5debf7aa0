package jgrad.backend;

/**
 * Matrix products: the general product (GEMM) and the batched and causal-triangle products that attention
 * and the layers' forward and backward passes are made of.
 *
 * <p>One family of {@link Backend}'s kernels, implemented only through it (hence sealed): a default that
 * composes other kernels hands them the whole backend.
 */
public sealed interface MatrixKernels permits Backend {

    /**
     * General matrix multiply, row-major: C = op(A)·op(B) + β·C, where C is m×n, op(A) is m×k,
     * op(B) is k×n and op(X) is X or Xᵀ. With transA the stored A is k×m (lda ≥ m), else m×k
     * (lda ≥ k); likewise for B. β = 0 overwrites C (whatever it held, even NaN).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              Storage a, int aOff, int lda,
              Storage b, int bOff, int ldb,
              double beta, Storage c, int cOff, int ldc);

    /**
     * Elements of the buffer {@link #packRight} fills for a right operand of depth k and width n: k·n here, more
     * where a backend pads its layout.
     */
    default int packedRightSize(int k, int n) {
        return k * n;
    }

    /**
     * Copies op(B) (k×n; B, or Bᵀ when transB, as in {@link #gemm}) into {@code packed} at {@code packedOff}, in the
     * layout {@link #gemmPackedRight} reads ({@link #packedRightSize} elements). A recurrent layer multiplies by the
     * same weight at every step: packed once for the sequence, it is not packed again by every step's product on
     * every thread. This default stores op(B) row-major.
     */
    default void packRight(boolean transB, int k, int n, Storage b, int bOff, int ldb, Storage packed, int packedOff) {
        int[] strides = transB ? new int[] {1, ldb} : new int[] {ldb, 1};
        ((Backend) this).copy(new int[] {k, n}, b, bOff, strides, packed, packedOff);
    }

    /**
     * C = op(A)·op(B) + β·C as {@link #gemm}, with op(B) (k×n) as {@link #packRight} left it at {@code packedOff}
     * of {@code packed}. The same sums as {@link #gemm} on the operand it was packed from: a backend whose
     * {@code gemm} reduces one-row or tiny products another way may differ there by rounding, never by thread count.
     */
    default void gemmPackedRight(boolean transA, int m, int n, int k, Storage a, int aOff, int lda,
                                 Storage packed, int packedOff, double beta, Storage c, int cOff, int ldc) {
        gemm(transA, false, m, n, k, a, aOff, lda, packed, packedOff, n, beta, c, cOff, ldc);
    }

    /**
     * A batch of products of one shape: C_i = op(A_i)·op(B_i) for i in [0, count), where A_i starts at
     * {@code aOffs[i]}, B_i at {@code bOffs[i]} (leading dimensions lda and ldb as in {@link #gemm}) and C_i, m×n
     * row-major and overwritten, at {@code cOff + i·m·n}. Attention's products are such batches, one product per
     * sequence and head, each too small to split. This default runs {@link #gemm} on each in turn; a backend may
     * run them side by side, and must give the same bits.
     */
    default void gemmBatch(boolean transA, boolean transB, int m, int n, int k, int count,
                           Storage a, int[] aOffs, int lda, Storage b, int[] bOffs, int ldb, Storage c, int cOff) {
        for (int i = 0; i < count; i++) {
            gemm(transA, transB, m, n, k, a, aOffs[i], lda, b, bOffs[i], ldb, 0, c, cOff + i * m * n, n);
        }
    }

    /** Rows per band of {@link #gemmTriangular}: a multiple of every SIMD tile's rows (4, 6, 8, 12, 16). */
    int TRIANGLE_BAND = 48;

    /**
     * One causal attention product C = op(A)·op(B), m = T rows, n columns, depth k, of the {@link Triangle} shape
     * (LOWER_PRODUCT: n = T; LOWER_LEFT and UPPER_LEFT: k = T), C row-major with leading dimension n, overwritten.
     * The rows go in bands of {@link #TRIANGLE_BAND}; a band [r0, r1) computes only what can be nonzero:
     * LOWER_PRODUCT the columns 0 … r1 − 1 (then clears those above the diagonal and the rest), LOWER_LEFT the
     * depth 0 … r1 − 1, UPPER_LEFT the depth r0 … T − 1, so about (T + band) / 2T of the full product's work. The
     * zero triangle of op(A) must hold zeros: inside a band's diagonal block it is read (α and dS are exactly 0
     * there). What is skipped is a sum of exact zeros, so C is the full product's, term for term.
     */
    default void gemmTriangular(Triangle shape, boolean transA, boolean transB, int m, int n, int k,
                                Storage a, int aOff, int lda, Storage b, int bOff, int ldb, Storage c, int cOff) {
        int square = shape == Triangle.LOWER_PRODUCT ? n : k;
        if (square != m) {
            throw new IllegalArgumentException("gemmTriangular " + shape + ": needs a square T × T "
                    + (shape == Triangle.LOWER_PRODUCT ? "result" : "left operand") + ", got m=" + m + " n=" + n + " k=" + k);
        }
        for (int r0 = 0; r0 < m; r0 += TRIANGLE_BAND) {
            int r1 = Math.min(m, r0 + TRIANGLE_BAND);
            int aRow = aOff + (transA ? r0 : r0 * lda);
            switch (shape) {
                case LOWER_PRODUCT -> {
                    gemm(transA, transB, r1 - r0, r1, k, a, aRow, lda, b, bOff, ldb, 0, c, cOff + r0 * n, n);
                    for (int r = r0; r < r1; r++) {
                        ((Backend) this).fill(n - r - 1, c, cOff + r * n + r + 1, 0);
                    }
                }
                case LOWER_LEFT -> gemm(transA, transB, r1 - r0, n, r1, a, aRow, lda, b, bOff, ldb, 0, c, cOff + r0 * n, n);
                case UPPER_LEFT -> gemm(transA, transB, r1 - r0, n, k - r0, a, aRow + (transA ? r0 * lda : r0), lda,
                        b, bOff + (transB ? r0 : r0 * ldb), ldb, 0, c, cOff + r0 * n, n);
            }
        }
    }

    /**
     * {@link #gemmTriangular} over a batch, as {@link #gemmBatch}: A_i at {@code aOffs[i]}, B_i at {@code bOffs[i]},
     * C_i at {@code cOff + i·m·n}. A backend may run the products side by side, and must give the same bits.
     */
    default void gemmTriangularBatch(Triangle shape, boolean transA, boolean transB, int m, int n, int k, int count,
                                     Storage a, int[] aOffs, int lda, Storage b, int[] bOffs, int ldb, Storage c,
                                     int cOff) {
        for (int i = 0; i < count; i++) {
            gemmTriangular(shape, transA, transB, m, n, k, a, aOffs[i], lda, b, bOffs[i], ldb, c, cOff + i * m * n);
        }
    }
}
