package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GEMM register tile: an MR×NR block of C kept in vector registers while the packed panels
 * stream past, one rank-1 update per step of k. MR = 6 rows; NR is 4 vectors where vectors are
 * 512 bits (AVX-512 has 32 registers: 24 accumulators, 4 loads of B, the broadcasts) and 2 vectors
 * otherwise (AVX2 has 16: 12 + 2 + 1). More accumulators than registers spill, and every vector
 * that leaves the method (to a call that is not inlined) gets boxed on each iteration, so each
 * kernel keeps all its vectors as locals of one method, loads and stores included.
 */
final class SimdMicroKernel {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 6;
    static final int NR = (L >= 16 ? 4 : 2) * L;

    private SimdMicroKernel() {
    }

    /**
     * C[0..MR)[0..NR) (at cOff, row distance ldc) = Σ_p A[p]ᵀ·B[p] (+ C when {@code add}).
     * A is a packed sliver of MR values per p, B one of NR values per p.
     */
    static void kernel(int kc, float[] ap, int aOff, float[] bp, int bOff,
                       float[] c, int cOff, int ldc, boolean add) {
        if (NR == 4 * L) {
            kernel6x4(kc, ap, aOff, bp, bOff, c, cOff, ldc, add);
        } else {
            kernel6x2(kc, ap, aOff, bp, bOff, c, cOff, ldc, add);
        }
    }

    private static void kernel6x4(int kc, float[] ap, int aOff, float[] bp, int bOff,
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
        int o0 = cOff, o1 = o0 + ldc, o2 = o1 + ldc, o3 = o2 + ldc, o4 = o3 + ldc, o5 = o4 + ldc;
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, o0)); c01 = c01.add(FloatVector.fromArray(S, c, o0 + L));
            c02 = c02.add(FloatVector.fromArray(S, c, o0 + 2 * L)); c03 = c03.add(FloatVector.fromArray(S, c, o0 + 3 * L));
            c10 = c10.add(FloatVector.fromArray(S, c, o1)); c11 = c11.add(FloatVector.fromArray(S, c, o1 + L));
            c12 = c12.add(FloatVector.fromArray(S, c, o1 + 2 * L)); c13 = c13.add(FloatVector.fromArray(S, c, o1 + 3 * L));
            c20 = c20.add(FloatVector.fromArray(S, c, o2)); c21 = c21.add(FloatVector.fromArray(S, c, o2 + L));
            c22 = c22.add(FloatVector.fromArray(S, c, o2 + 2 * L)); c23 = c23.add(FloatVector.fromArray(S, c, o2 + 3 * L));
            c30 = c30.add(FloatVector.fromArray(S, c, o3)); c31 = c31.add(FloatVector.fromArray(S, c, o3 + L));
            c32 = c32.add(FloatVector.fromArray(S, c, o3 + 2 * L)); c33 = c33.add(FloatVector.fromArray(S, c, o3 + 3 * L));
            c40 = c40.add(FloatVector.fromArray(S, c, o4)); c41 = c41.add(FloatVector.fromArray(S, c, o4 + L));
            c42 = c42.add(FloatVector.fromArray(S, c, o4 + 2 * L)); c43 = c43.add(FloatVector.fromArray(S, c, o4 + 3 * L));
            c50 = c50.add(FloatVector.fromArray(S, c, o5)); c51 = c51.add(FloatVector.fromArray(S, c, o5 + L));
            c52 = c52.add(FloatVector.fromArray(S, c, o5 + 2 * L)); c53 = c53.add(FloatVector.fromArray(S, c, o5 + 3 * L));
        }
        c00.intoArray(c, o0); c01.intoArray(c, o0 + L); c02.intoArray(c, o0 + 2 * L); c03.intoArray(c, o0 + 3 * L);
        c10.intoArray(c, o1); c11.intoArray(c, o1 + L); c12.intoArray(c, o1 + 2 * L); c13.intoArray(c, o1 + 3 * L);
        c20.intoArray(c, o2); c21.intoArray(c, o2 + L); c22.intoArray(c, o2 + 2 * L); c23.intoArray(c, o2 + 3 * L);
        c30.intoArray(c, o3); c31.intoArray(c, o3 + L); c32.intoArray(c, o3 + 2 * L); c33.intoArray(c, o3 + 3 * L);
        c40.intoArray(c, o4); c41.intoArray(c, o4 + L); c42.intoArray(c, o4 + 2 * L); c43.intoArray(c, o4 + 3 * L);
        c50.intoArray(c, o5); c51.intoArray(c, o5 + L); c52.intoArray(c, o5 + 2 * L); c53.intoArray(c, o5 + 3 * L);
    }

    private static void kernel6x2(int kc, float[] ap, int aOff, float[] bp, int bOff,
                                  float[] c, int cOff, int ldc, boolean add) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z;
        FloatVector c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z;
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * NR;
            int ai = aOff + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector a = FloatVector.broadcast(S, ap[ai]);
            c00 = a.fma(b0, c00); c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a.fma(b0, c10); c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a.fma(b0, c20); c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a.fma(b0, c30); c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = a.fma(b0, c40); c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = a.fma(b0, c50); c51 = a.fma(b1, c51);
        }
        int o0 = cOff, o1 = o0 + ldc, o2 = o1 + ldc, o3 = o2 + ldc, o4 = o3 + ldc, o5 = o4 + ldc;
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, o0)); c01 = c01.add(FloatVector.fromArray(S, c, o0 + L));
            c10 = c10.add(FloatVector.fromArray(S, c, o1)); c11 = c11.add(FloatVector.fromArray(S, c, o1 + L));
            c20 = c20.add(FloatVector.fromArray(S, c, o2)); c21 = c21.add(FloatVector.fromArray(S, c, o2 + L));
            c30 = c30.add(FloatVector.fromArray(S, c, o3)); c31 = c31.add(FloatVector.fromArray(S, c, o3 + L));
            c40 = c40.add(FloatVector.fromArray(S, c, o4)); c41 = c41.add(FloatVector.fromArray(S, c, o4 + L));
            c50 = c50.add(FloatVector.fromArray(S, c, o5)); c51 = c51.add(FloatVector.fromArray(S, c, o5 + L));
        }
        c00.intoArray(c, o0); c01.intoArray(c, o0 + L); c10.intoArray(c, o1); c11.intoArray(c, o1 + L);
        c20.intoArray(c, o2); c21.intoArray(c, o2 + L); c30.intoArray(c, o3); c31.intoArray(c, o3 + L);
        c40.intoArray(c, o4); c41.intoArray(c, o4 + L); c50.intoArray(c, o5); c51.intoArray(c, o5 + L);
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
