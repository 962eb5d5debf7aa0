package jgrad.backend.simd;

import static jgrad.backend.simd.SimdMicroKernel.L;
import static jgrad.backend.simd.SimdMicroKernel.MR;
import static jgrad.backend.simd.SimdMicroKernel.NR;
import static jgrad.backend.simd.SimdMicroKernel.S;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Copies blocks of op(A) and op(B) into the order the micro-kernel reads them, which is where the
 * four transpose combinations are resolved. A block of op(A) (mc×kc) becomes slivers of MR rows,
 * each stored p-major: sliver[p·MR + r] = op(A)[i0+s+r][p0+p]. A block of op(B) (kc×nc) becomes
 * slivers of NR columns: sliver[p·NR + j] = op(B)[p0+p][j0+t+j]. Rows and columns past the matrix
 * are zeros, so edge tiles can run the full kernel.
 */
final class SimdGemmPack {

    private SimdGemmPack() {
    }

    /** Packs op(A)[i0, i0+mc) × [p0, p0+kc) into dst at base; op(A) = A, or Aᵀ when trans. */
    static void packA(boolean trans, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc,
                      float[] dst, int base) {
        for (int s = 0; s < mc; s += MR) {
            int rows = Math.min(MR, mc - s);
            int d = base + s * kc;
            if (trans) {
                packATransposed(a, aOff + p0 * lda + i0 + s, lda, rows, kc, dst, d);
            } else {
                packARows(a, aOff + (i0 + s) * lda + p0, lda, rows, kc, dst, d);
            }
        }
    }

    /**
     * op(A) = A: each of the sliver's rows is contiguous in A, and is read in order into every MR-th place of
     * the sliver. Both indices step with p alone, so C2 drops the bounds tests (reading p by p across the
     * rows, with a running row index, kept one per element and cost twice the micro-kernel on skinny products).
     */
    private static void packARows(float[] a, int src, int lda, int rows, int kc, float[] dst, int d) {
        for (int r = 0; r < rows; r++) {
            int row = src + r * lda;
            int to = d + r;
            for (int p = 0; p < kc; p++) {
                dst[to + p * MR] = a[row + p];
            }
        }
        for (int r = rows; r < MR; r++) {
            for (int p = 0; p < kc; p++) {
                dst[d + r + p * MR] = 0f;
            }
        }
    }

    /**
     * op(A) = Aᵀ: for each p the sliver's rows are adjacent in A, one short copy. A whole sliver moves as one
     * masked vector of the preferred width (MR ≤ lanes): {@code System.arraycopy} of MR floats per p cost a fifth
     * of a 784×64×128 product at 256 bits. It was three 128-bit vectors, a second vector class in a kernel of the
     * preferred one: in three of four JVMs of SASRec's step C2 compiled their loads and stores without the
     * intrinsic ("missing constant: vclass"), and the step allocated 240-260 MB where it now allocates 33-40.
     */
    private static void packATransposed(float[] a, int src, int lda, int rows, int kc, float[] dst, int d) {
        if (rows == MR && MR <= L) {
            VectorMask<Float> sliver = S.indexInRange(0, MR);
            for (int p = 0; p < kc; p++) {
                FloatVector.fromArray(S, a, src + p * lda, sliver).intoArray(dst, d + p * MR, sliver);
            }
            return;
        }
        for (int p = 0; p < kc; p++) {
            System.arraycopy(a, src + p * lda, dst, d + p * MR, rows);
        }
        if (rows < MR) {
            for (int p = 0; p < kc; p++) {
                Arrays.fill(dst, d + p * MR + rows, d + (p + 1) * MR, 0f);
            }
        }
    }

    /** Packs op(B)[p0, p0+kc) × [j0, j0+nc) into dst at base; op(B) = B, or Bᵀ when trans. */
    static void packB(boolean trans, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
                      float[] dst, int base) {
        if (!trans) {
            packBRows(b, bOff + p0 * ldb + j0, ldb, nc, kc, dst, base);
            return;
        }
        for (int t = 0; t < nc; t += NR) {
            packBTransposed(b, bOff + (j0 + t) * ldb + p0, ldb, Math.min(NR, nc - t), kc, dst, base + t * kc);
        }
    }

    /**
     * op(B) = B: row by row of B, each row cut into the slivers' runs of NR columns. Reading B along its
     * rows lets the hardware prefetcher follow; a sliver at a time would read one line from each of kc
     * rows a page apart, and took 2–5 % of a 1024 product at 256 bits.
     */
    private static void packBRows(float[] b, int src, int ldb, int nc, int kc, float[] dst, int d) {
        int full = nc / NR * NR;
        for (int p = 0; p < kc; p++) {
            int from = src + p * ldb;
            for (int t = 0, to = d + p * NR; t < full; t += NR, to += kc * NR) {
                for (int j = 0; j < NR; j += L) {
                    FloatVector.fromArray(S, b, from + t + j).intoArray(dst, to + j);
                }
            }
            if (full < nc) {
                int to = d + full * kc + p * NR;
                System.arraycopy(b, from + full, dst, to, nc - full);
                Arrays.fill(dst, to + nc - full, to + NR, 0f);
            }
        }
    }

    /** op(B) = Bᵀ: column j of op(B) is row j of B, contiguous along p; scatter it with stride NR. */
    private static void packBTransposed(float[] b, int src, int ldb, int cols, int kc, float[] dst, int d) {
        for (int j = 0; j < cols; j++) {
            int row = src + j * ldb;
            int to = d + j;
            for (int p = 0; p < kc; p++) {
                dst[to + p * NR] = b[row + p];
            }
        }
        for (int j = cols; j < NR; j++) {
            for (int p = 0; p < kc; p++) {
                dst[d + j + p * NR] = 0f;
            }
        }
    }
}
