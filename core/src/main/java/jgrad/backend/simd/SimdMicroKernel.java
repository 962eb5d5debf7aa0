package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GEMM register tile: an MR×NR block of C (MR = 6 rows, NR = 4 vectors) kept in 24 vector
 * registers while the packed panels stream past, one rank-1 update (4 loads, 6 broadcasts,
 * 24 FMAs) per step of k. Six by four vectors was the fastest shape measured on this machine:
 * more accumulators spill, because the JIT keeps every broadcast live in its own register.
 */
final class SimdMicroKernel {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 6;
    static final int NR = 4 * L;

    private SimdMicroKernel() {
    }

    /**
     * C[0..MR)[0..NR) (at cOff, row distance ldc) = Σ_p A[p]ᵀ·B[p] (+ C when {@code add}).
     * A is a packed sliver of MR values per p, B one of NR values per p.
     */
    static void kernel(int kc, float[] ap, int aOff, float[] bp, int bOff,
                       float[] c, int cOff, int ldc, boolean add) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
        FloatVector c40 = z, c41 = z, c42 = z, c43 = z, c50 = z, c51 = z, c52 = z, c53 = z;
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * NR;
            int ai = aOff + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bi + 3 * L);
            FloatVector a = FloatVector.broadcast(S, ap[ai]);
            c00 = a.fma(b0, c00); c01 = a.fma(b1, c01); c02 = a.fma(b2, c02); c03 = a.fma(b3, c03);
            a = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a.fma(b0, c10); c11 = a.fma(b1, c11); c12 = a.fma(b2, c12); c13 = a.fma(b3, c13);
            a = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a.fma(b0, c20); c21 = a.fma(b1, c21); c22 = a.fma(b2, c22); c23 = a.fma(b3, c23);
            a = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a.fma(b0, c30); c31 = a.fma(b1, c31); c32 = a.fma(b2, c32); c33 = a.fma(b3, c33);
            a = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = a.fma(b0, c40); c41 = a.fma(b1, c41); c42 = a.fma(b2, c42); c43 = a.fma(b3, c43);
            a = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = a.fma(b0, c50); c51 = a.fma(b1, c51); c52 = a.fma(b2, c52); c53 = a.fma(b3, c53);
        }
        storeRow(c, cOff, add, c00, c01, c02, c03);
        storeRow(c, cOff + ldc, add, c10, c11, c12, c13);
        storeRow(c, cOff + 2 * ldc, add, c20, c21, c22, c23);
        storeRow(c, cOff + 3 * ldc, add, c30, c31, c32, c33);
        storeRow(c, cOff + 4 * ldc, add, c40, c41, c42, c43);
        storeRow(c, cOff + 5 * ldc, add, c50, c51, c52, c53);
    }

    private static void storeRow(float[] c, int off, boolean add,
                                 FloatVector v0, FloatVector v1, FloatVector v2, FloatVector v3) {
        if (add) {
            v0 = v0.add(FloatVector.fromArray(S, c, off));
            v1 = v1.add(FloatVector.fromArray(S, c, off + L));
            v2 = v2.add(FloatVector.fromArray(S, c, off + 2 * L));
            v3 = v3.add(FloatVector.fromArray(S, c, off + 3 * L));
        }
        v0.intoArray(c, off);
        v1.intoArray(c, off + L);
        v2.intoArray(c, off + 2 * L);
        v3.intoArray(c, off + 3 * L);
    }

    /**
     * An edge tile (mr ≤ MR rows, nr ≤ NR columns): the full tile is computed into {@code tile}
     * (the packed panels are zero-padded, so the extra lanes are harmless) and only its valid
     * part is written to C.
     */
    static void edge(int kc, float[] ap, int aOff, float[] bp, int bOff, float[] tile,
                     int mr, int nr, float[] c, int cOff, int ldc, boolean add) {
        kernel(kc, ap, aOff, bp, bOff, tile, 0, NR, false);
        for (int r = 0; r < mr; r++) {
            int row = cOff + r * ldc;
            for (int j = 0; j < nr; j++) {
                c[row + j] = add ? c[row + j] + tile[r * NR + j] : tile[r * NR + j];
            }
        }
    }
}
