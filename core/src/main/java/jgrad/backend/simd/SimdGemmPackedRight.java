package jgrad.backend.simd;

import static jgrad.backend.simd.SimdGemmConfig.roundUp;
import static jgrad.backend.simd.SimdMicroKernel.MR;
import static jgrad.backend.simd.SimdMicroKernel.NR;

/**
 * A right operand packed once for many products ({@link jgrad.backend.MatrixKernels#packRight}): the panels
 * {@link SimdGemm} would pack for every product, all of them, ahead. op(B) (k×n) is cut into the depth slices of
 * {@link SimdGemm#sliceDepth}; slice s, of depth kc starting at p0, holds the NR-column slivers of all n columns
 * (padded with zero columns to a multiple of NR, width W) one after another from p0·W, each sliver kc×NR p-major.
 * Any panel of NC columns is then a contiguous run of a slice, and the product runs {@link SimdGemm}'s loops over
 * it unchanged: the same panels, the same sums.
 *
 * <p>A recurrent layer's step multiplies a batch slice of 32 rows by W_hᵀ (256 × 1024 for the char-LSTM): every
 * thread packed all of it, a megabyte, at every step of the forward and again of the backward.
 */
final class SimdGemmPackedRight {

    private SimdGemmPackedRight() {
    }

    /** The padded width W: n rounded up to whole slivers. */
    static int width(int n) {
        return roundUp(n, NR);
    }

    /** Floats of the packed operand: k·W. */
    static int size(int k, int n) {
        return Math.multiplyExact(k, width(n));
    }

    /** Packs op(B) (k×n; Bᵀ when tb) into packed[off, off + size(k, n)). */
    static void pack(boolean tb, int k, int n, float[] b, int bOff, int ldb, float[] packed, int off) {
        int w = width(n);
        int slice = SimdGemm.sliceDepth(k);
        for (int p0 = 0; p0 < k; p0 += slice) {
            SimdGemmPack.packB(tb, b, bOff, ldb, p0, Math.min(slice, k - p0), 0, n, packed, off + p0 * w);
        }
    }

    /**
     * C = op(A)·op(B) + β·C with op(B) packed by {@link #pack} at packed[pOff]. Large products are cut into bands
     * of rows at {@link SimdGemm}'s grain (each row is computed alone, so the cut does not change the bits); a call
     * from within the layers' batch slices is nested and stays on its thread.
     */
    static void gemm(boolean ta, int m, int n, int k, float[] a, int aOff, int lda, float[] packed, int pOff,
                     float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {   // no sums: C = β·C (zeros for β = 0), as the plain product leaves it
            SimdGemm.gemm(ta, false, m, n, 0, a, aOff, lda, packed, pOff, width(n), beta, c, cOff, ldc);
            return;
        }
        int tasks = Math.min(Math.ceilDiv(m, MR), SimdParallel.tasksFor((long) m * n * k, SimdGemm.PARALLEL_GRAIN));
        if (tasks == 1) {
            rows(ta, n, k, a, aOff, lda, packed, pOff, beta, c, cOff, ldc, 0, m);
            return;
        }
        int chunk = roundUp(Math.ceilDiv(m, tasks), MR);
        SimdParallel.run(tasks, t -> {
            int i0 = Math.min(m, t * chunk);
            rows(ta, n, k, a, aOff, lda, packed, pOff, beta, c, cOff, ldc, i0, Math.min(m, i0 + chunk));
        });
    }

    /** Rows [i0, i1) of C. */
    private static void rows(boolean ta, int n, int k, float[] a, int aOff, int lda, float[] packed, int pOff,
                             float beta, float[] c, int cOff, int ldc, int i0, int i1) {
        if (i0 < i1) {
            SimdGemm.scaleC(c, cOff, ldc, i0, i1, 0, n, beta);
            SimdGemm.blocked(ta, false, k, a, aOff, lda, null, pOff, width(n), packed, beta != 0, c, cOff, ldc, i0, i1,
                    0, n);
        }
    }
}
