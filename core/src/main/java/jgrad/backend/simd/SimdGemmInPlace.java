package jgrad.backend.simd;

import static jgrad.backend.simd.SimdMicroKernel.MR;
import static jgrad.backend.simd.SimdMicroKernel.NR;

import jgrad.backend.Settings;

/**
 * The macro-kernel with op(A) = A read in place instead of packed, for products where op(B) is at most
 * {@link #MAX_COLUMNS} wide: each sliver of A then meets few slivers of B, and packing it costs a
 * large share of using it (a recurrent layer's dx = dpre·W_x packed 2,880 × 512 floats of
 * dpre for 32 output columns; a Transformer's 25,600 × 50 × 50 projections pack as much as they
 * multiply). The tiles of full MR rows run {@link SimdMicroKernelRows}; the last rows of a block,
 * fewer than MR, are packed as before (a kernel reading MR rows in place would read past them).
 * Every element is the same chain of FMAs, so the bits are those of the packed path.
 * {@code -Djgrad.gemm.inPlaceA=false} packs every product (for A/B measurements).
 */
final class SimdGemmInPlace {

    /**
     * The widest op(B) whose products read A in place. Up to four slivers, packing A costs about as much
     * as using it; up to 768 columns, reading A in place still ran 1–3 % faster at both widths (n = 256
     * to 768, one thread), packing a 12- or 4-row sliver (about a cycle per float) being 8 % of a 256³
     * product. From n = 1000 to 2048 it was even or lost 2–3 % at 512 bits (with rows of A 1,000 floats
     * apart as well as 1,024, so not L1 set aliasing; the cause was not isolated). {@code -Djgrad.gemm.inPlaceColumns=N} sets it.
     */
    static final int MAX_COLUMNS = Settings.integer("gemm.inPlaceColumns", Math.max(4 * NR, 768), 0);
    private static final boolean ENABLED = Settings.flag("gemm.inPlaceA", true);

    private SimdGemmInPlace() {
    }

    /** Whether a product of op(A) (transposed or not) and a B of n columns reads A in place. */
    static boolean applies(boolean ta, int n) {
        return ENABLED && !ta && n <= MAX_COLUMNS && SimdMicroKernelRows.available();
    }

    /**
     * {@link SimdGemm#macro} for an mc×kc block of A at aOff (rows lda apart) against one packed B panel;
     * {@code sliver} (from sliverBase, MR·kc floats) takes the packed rows of a last partial sliver.
     */
    static void macro(float[] a, int aOff, int lda, float[] bp, int bBase, float[] tile, float[] sliver,
                      int sliverBase, int mc, int nc, int kc, float[] c, int cOff, int ldc, boolean add) {
        int full = mc / MR * MR;
        for (int ir = 0; ir < full; ir += MR) {
            int ao = aOff + ir * lda;
            for (int jr = 0; jr < nc; jr += NR) {
                int nr = Math.min(NR, nc - jr);
                int bo = bBase + jr * kc;
                int co = cOff + ir * ldc + jr;
                if (nr == NR) {
                    SimdMicroKernelRows.kernel(kc, a, ao, lda, bp, bo, c, co, ldc, add);
                } else {
                    SimdMicroKernelRows.edge(kc, a, ao, lda, bp, bo, tile, nr, c, co, ldc, add);
                }
            }
        }
        if (full < mc) {
            SimdGemmPack.packA(false, a, aOff, lda, full, mc - full, 0, kc, sliver, sliverBase);
            SimdGemm.macro(sliver, sliverBase, bp, bBase, tile, mc - full, nc, kc, c, cOff + full * ldc, ldc, add);
        }
    }
}
