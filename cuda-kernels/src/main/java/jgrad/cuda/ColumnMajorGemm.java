package jgrad.cuda;

/**
 * The one place where jgrad's row-major GEMM meets cuBLAS's column-major one. A row-major matrix
 * read column-major is its transpose, so row-major C = op(A)·op(B) is column-major
 * Cᵀ = op(B)ᵀ·op(A)ᵀ: cuBLAS gets B first and A second, with m and n swapped, the same transpose
 * flags and the same leading dimensions.
 *
 * @param transFirst whether cuBLAS transposes its first operand (jgrad's B)
 * @param transSecond whether cuBLAS transposes its second operand (jgrad's A)
 * @param m rows of the column-major result (jgrad's n)
 * @param n columns of the column-major result (jgrad's m)
 * @param k the shared dimension
 * @param ldFirst leading dimension of the first operand (ldb), at least 1 as cuBLAS requires
 * @param ldSecond leading dimension of the second operand (lda), at least 1
 * @param ldc leading dimension of C, at least 1
 */
record ColumnMajorGemm(boolean transFirst, boolean transSecond, int m, int n, int k,
                       int ldFirst, int ldSecond, int ldc) {

    static ColumnMajorGemm of(boolean transA, boolean transB, int m, int n, int k, int lda, int ldb, int ldc) {
        return new ColumnMajorGemm(transB, transA, n, m, k, Math.max(1, ldb), Math.max(1, lda), Math.max(1, ldc));
    }
}
