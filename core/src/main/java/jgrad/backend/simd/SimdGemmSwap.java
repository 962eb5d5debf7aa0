package jgrad.backend.simd;

import jgrad.backend.Settings;

/**
 * C = A·Bᵀ for a few rows of A (a layer's forward pass on a small batch, x·Wᵀ with W stored [out, in])
 * computed as its transpose, Cᵀ = B·Aᵀ. Both operands of A·Bᵀ run along k, so the packed path transposes
 * both while packing, and B, the weights, is the large one: packing it cost 25–38 % of such a product at
 * 256 bits. In the transposed product B is the left operand, which the in-place path reads as it lies
 * ({@link SimdGemmInPlace}: its rows are broadcast where a packed sliver's values were), and only the small
 * Aᵀ is packed. Cᵀ goes to a buffer, transposed into C at the end (m·n floats, a fraction of the k-fold
 * work).
 *
 * <p>The bits are the packed path's: each element of Cᵀ is Σ_p B[j][p]·A[i][p], the same products in the
 * same order over the same KC slices as Σ_p A[i][p]·B[j][p] (multiplication commutes exactly), each slice
 * added to what the element held, which starts as β·C. {@code -Djgrad.gemm.swap=false} turns it off (for
 * A/B measurements).
 */
final class SimdGemmSwap {

    private static final boolean ENABLED = Settings.flag("gemm.swap", true);

    private SimdGemmSwap() {
    }

    /**
     * Whether op(A)·op(B) of this shape is computed transposed: A·Bᵀ (neither stored transposed but B), with
     * at most as many rows of A as the in-place path takes columns and at least as many rows of B.
     */
    static boolean applies(boolean ta, boolean tb, int m, int n) {
        return ENABLED && !ta && tb && m <= SimdGemmInPlace.MAX_COLUMNS && n >= m
                && SimdGemmInPlace.applies(false, m);
    }

    /** C = A·Bᵀ + β·C on {@code tasks} tasks, through Cᵀ = B·Aᵀ in the workspace's buffer. */
    static void gemm(int tasks, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        SimdGemm.Workspace ws = SimdGemm.workspace();
        try {
            float[] ct = ws.transposedC(m * n);
            if (beta != 0) {
                SimdGemm.scaleC(c, cOff, ldc, 0, m, 0, n, beta);
                SimdMemory.transpose(c, cOff, ldc, m, n, ct, 0, m);
            }
            SimdGemm.packed(tasks, false, true, n, m, k, b, bOff, ldb, a, aOff, lda, beta == 0 ? 0 : 1, ct, 0, m);
            SimdMemory.transpose(ct, 0, m, n, m, c, cOff, ldc);
        } finally {
            SimdGemm.release(ws);
        }
    }
}
