package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GEMM register tile: an MR×NR block of C kept in vector registers while the packed panels
 * stream past, one rank-1 update per step of k. The tile is chosen per CPU at start-up
 * ({@link SimdGemmConfig}): 12 rows × 2 vectors where there are 32 vector registers (AVX-512),
 * 4 rows × 2 vectors where there are 16 (AVX2), so that C2 keeps every accumulator in a register.
 * One spilled accumulator chains each step of k through memory and halves the speed.
 *
 * <p>Each kernel keeps all its vectors as locals of one method, loads and stores included: a
 * vector that leaves the method (to a call that is not inlined) is boxed on every iteration.
 * Accumulator {@code cRRV} holds row RR, vector V of the tile. Every kernel computes the same sum
 * in the same order (a chain of FMAs over p per element), so the tile shape never changes the bits.
 */
final class SimdMicroKernel {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = SimdGemmConfig.CHOSEN.mr;
    static final int NR = SimdGemmConfig.CHOSEN.nr;
    /** The chosen tile as rows·100 + vectors, a constant that C2 folds into one call below. */
    private static final int TILE = MR * 100 + SimdGemmConfig.CHOSEN.vectors;

    private SimdMicroKernel() {
    }

    /**
     * C[0..MR)[0..NR) (at cOff, row distance ldc) = Σ_p A[p]ᵀ·B[p] (+ C when {@code add}).
     * A is a packed sliver of MR values per p, B one of NR values per p.
     */
    static void kernel(int kc, float[] ap, int aOff, float[] bp, int bOff,
                       float[] c, int cOff, int ldc, boolean add) {
        kernel(TILE, kc, ap, aOff, bp, bOff, c, cOff, ldc, add);
    }

    /** The kernel of tile {@code tile} (rows·100 + vectors, one of {@link SimdGemmConfig#KERNELS}); tests call each. */
    static void kernel(int tile, int kc, float[] ap, int aOff, float[] bp, int bOff,
                       float[] c, int cOff, int ldc, boolean add) {
        switch (tile) {
            case 1202 -> kernel12x2(kc, ap, aOff, bp, bOff, c, cOff, ldc, add);
            case 604 -> kernel6x4(kc, ap, aOff, bp, bOff, c, cOff, ldc, add);
            case 402 -> kernel4x2(kc, ap, aOff, bp, bOff, c, cOff, ldc, add);
            case 303 -> kernel3x3(kc, ap, aOff, bp, bOff, c, cOff, ldc, add);
            default -> throw new IllegalArgumentException("no kernel for tile " + tile);
        }
    }

    private static void kernel12x2(int kc, float[] ap, int aOff, float[] bp, int bOff,
                                  float[] c, int cOff, int ldc, boolean add) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c000 = z, c001 = z, c010 = z, c011 = z, c020 = z, c021 = z, c030 = z, c031 = z;
        FloatVector c040 = z, c041 = z, c050 = z, c051 = z, c060 = z, c061 = z, c070 = z, c071 = z;
        FloatVector c080 = z, c081 = z, c090 = z, c091 = z, c100 = z, c101 = z, c110 = z, c111 = z;
        for (int p = 0, ai = aOff, bi = bOff; p < kc; p++, ai += 12, bi += 2 * L) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector a = FloatVector.broadcast(S, ap[ai]);
            c000 = a.fma(b0, c000); c001 = a.fma(b1, c001);
            a = FloatVector.broadcast(S, ap[ai + 1]);
            c010 = a.fma(b0, c010); c011 = a.fma(b1, c011);
            a = FloatVector.broadcast(S, ap[ai + 2]);
            c020 = a.fma(b0, c020); c021 = a.fma(b1, c021);
            a = FloatVector.broadcast(S, ap[ai + 3]);
            c030 = a.fma(b0, c030); c031 = a.fma(b1, c031);
            a = FloatVector.broadcast(S, ap[ai + 4]);
            c040 = a.fma(b0, c040); c041 = a.fma(b1, c041);
            a = FloatVector.broadcast(S, ap[ai + 5]);
            c050 = a.fma(b0, c050); c051 = a.fma(b1, c051);
            a = FloatVector.broadcast(S, ap[ai + 6]);
            c060 = a.fma(b0, c060); c061 = a.fma(b1, c061);
            a = FloatVector.broadcast(S, ap[ai + 7]);
            c070 = a.fma(b0, c070); c071 = a.fma(b1, c071);
            a = FloatVector.broadcast(S, ap[ai + 8]);
            c080 = a.fma(b0, c080); c081 = a.fma(b1, c081);
            a = FloatVector.broadcast(S, ap[ai + 9]);
            c090 = a.fma(b0, c090); c091 = a.fma(b1, c091);
            a = FloatVector.broadcast(S, ap[ai + 10]);
            c100 = a.fma(b0, c100); c101 = a.fma(b1, c101);
            a = FloatVector.broadcast(S, ap[ai + 11]);
            c110 = a.fma(b0, c110); c111 = a.fma(b1, c111);
        }
        if (add) {
            c000 = c000.add(FloatVector.fromArray(S, c, cOff)); c001 = c001.add(FloatVector.fromArray(S, c, cOff + L));
            c010 = c010.add(FloatVector.fromArray(S, c, cOff + ldc)); c011 = c011.add(FloatVector.fromArray(S, c, cOff + ldc + L));
            c020 = c020.add(FloatVector.fromArray(S, c, cOff + 2 * ldc)); c021 = c021.add(FloatVector.fromArray(S, c, cOff + 2 * ldc + L));
            c030 = c030.add(FloatVector.fromArray(S, c, cOff + 3 * ldc)); c031 = c031.add(FloatVector.fromArray(S, c, cOff + 3 * ldc + L));
            c040 = c040.add(FloatVector.fromArray(S, c, cOff + 4 * ldc)); c041 = c041.add(FloatVector.fromArray(S, c, cOff + 4 * ldc + L));
            c050 = c050.add(FloatVector.fromArray(S, c, cOff + 5 * ldc)); c051 = c051.add(FloatVector.fromArray(S, c, cOff + 5 * ldc + L));
            c060 = c060.add(FloatVector.fromArray(S, c, cOff + 6 * ldc)); c061 = c061.add(FloatVector.fromArray(S, c, cOff + 6 * ldc + L));
            c070 = c070.add(FloatVector.fromArray(S, c, cOff + 7 * ldc)); c071 = c071.add(FloatVector.fromArray(S, c, cOff + 7 * ldc + L));
            c080 = c080.add(FloatVector.fromArray(S, c, cOff + 8 * ldc)); c081 = c081.add(FloatVector.fromArray(S, c, cOff + 8 * ldc + L));
            c090 = c090.add(FloatVector.fromArray(S, c, cOff + 9 * ldc)); c091 = c091.add(FloatVector.fromArray(S, c, cOff + 9 * ldc + L));
            c100 = c100.add(FloatVector.fromArray(S, c, cOff + 10 * ldc)); c101 = c101.add(FloatVector.fromArray(S, c, cOff + 10 * ldc + L));
            c110 = c110.add(FloatVector.fromArray(S, c, cOff + 11 * ldc)); c111 = c111.add(FloatVector.fromArray(S, c, cOff + 11 * ldc + L));
        }
        c000.intoArray(c, cOff); c001.intoArray(c, cOff + L);
        c010.intoArray(c, cOff + ldc); c011.intoArray(c, cOff + ldc + L);
        c020.intoArray(c, cOff + 2 * ldc); c021.intoArray(c, cOff + 2 * ldc + L);
        c030.intoArray(c, cOff + 3 * ldc); c031.intoArray(c, cOff + 3 * ldc + L);
        c040.intoArray(c, cOff + 4 * ldc); c041.intoArray(c, cOff + 4 * ldc + L);
        c050.intoArray(c, cOff + 5 * ldc); c051.intoArray(c, cOff + 5 * ldc + L);
        c060.intoArray(c, cOff + 6 * ldc); c061.intoArray(c, cOff + 6 * ldc + L);
        c070.intoArray(c, cOff + 7 * ldc); c071.intoArray(c, cOff + 7 * ldc + L);
        c080.intoArray(c, cOff + 8 * ldc); c081.intoArray(c, cOff + 8 * ldc + L);
        c090.intoArray(c, cOff + 9 * ldc); c091.intoArray(c, cOff + 9 * ldc + L);
        c100.intoArray(c, cOff + 10 * ldc); c101.intoArray(c, cOff + 10 * ldc + L);
        c110.intoArray(c, cOff + 11 * ldc); c111.intoArray(c, cOff + 11 * ldc + L);
    }

    private static void kernel6x4(int kc, float[] ap, int aOff, float[] bp, int bOff,
                                  float[] c, int cOff, int ldc, boolean add) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
        FloatVector c40 = z, c41 = z, c42 = z, c43 = z, c50 = z, c51 = z, c52 = z, c53 = z;
        for (int p = 0, ai = aOff, bi = bOff; p < kc; p++, ai += 6, bi += 4 * L) {
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
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, cOff)); c01 = c01.add(FloatVector.fromArray(S, c, cOff + L)); c02 = c02.add(FloatVector.fromArray(S, c, cOff + 2 * L)); c03 = c03.add(FloatVector.fromArray(S, c, cOff + 3 * L));
            c10 = c10.add(FloatVector.fromArray(S, c, cOff + ldc)); c11 = c11.add(FloatVector.fromArray(S, c, cOff + ldc + L)); c12 = c12.add(FloatVector.fromArray(S, c, cOff + ldc + 2 * L)); c13 = c13.add(FloatVector.fromArray(S, c, cOff + ldc + 3 * L));
            c20 = c20.add(FloatVector.fromArray(S, c, cOff + 2 * ldc)); c21 = c21.add(FloatVector.fromArray(S, c, cOff + 2 * ldc + L)); c22 = c22.add(FloatVector.fromArray(S, c, cOff + 2 * ldc + 2 * L)); c23 = c23.add(FloatVector.fromArray(S, c, cOff + 2 * ldc + 3 * L));
            c30 = c30.add(FloatVector.fromArray(S, c, cOff + 3 * ldc)); c31 = c31.add(FloatVector.fromArray(S, c, cOff + 3 * ldc + L)); c32 = c32.add(FloatVector.fromArray(S, c, cOff + 3 * ldc + 2 * L)); c33 = c33.add(FloatVector.fromArray(S, c, cOff + 3 * ldc + 3 * L));
            c40 = c40.add(FloatVector.fromArray(S, c, cOff + 4 * ldc)); c41 = c41.add(FloatVector.fromArray(S, c, cOff + 4 * ldc + L)); c42 = c42.add(FloatVector.fromArray(S, c, cOff + 4 * ldc + 2 * L)); c43 = c43.add(FloatVector.fromArray(S, c, cOff + 4 * ldc + 3 * L));
            c50 = c50.add(FloatVector.fromArray(S, c, cOff + 5 * ldc)); c51 = c51.add(FloatVector.fromArray(S, c, cOff + 5 * ldc + L)); c52 = c52.add(FloatVector.fromArray(S, c, cOff + 5 * ldc + 2 * L)); c53 = c53.add(FloatVector.fromArray(S, c, cOff + 5 * ldc + 3 * L));
        }
        c00.intoArray(c, cOff); c01.intoArray(c, cOff + L); c02.intoArray(c, cOff + 2 * L); c03.intoArray(c, cOff + 3 * L);
        c10.intoArray(c, cOff + ldc); c11.intoArray(c, cOff + ldc + L); c12.intoArray(c, cOff + ldc + 2 * L); c13.intoArray(c, cOff + ldc + 3 * L);
        c20.intoArray(c, cOff + 2 * ldc); c21.intoArray(c, cOff + 2 * ldc + L); c22.intoArray(c, cOff + 2 * ldc + 2 * L); c23.intoArray(c, cOff + 2 * ldc + 3 * L);
        c30.intoArray(c, cOff + 3 * ldc); c31.intoArray(c, cOff + 3 * ldc + L); c32.intoArray(c, cOff + 3 * ldc + 2 * L); c33.intoArray(c, cOff + 3 * ldc + 3 * L);
        c40.intoArray(c, cOff + 4 * ldc); c41.intoArray(c, cOff + 4 * ldc + L); c42.intoArray(c, cOff + 4 * ldc + 2 * L); c43.intoArray(c, cOff + 4 * ldc + 3 * L);
        c50.intoArray(c, cOff + 5 * ldc); c51.intoArray(c, cOff + 5 * ldc + L); c52.intoArray(c, cOff + 5 * ldc + 2 * L); c53.intoArray(c, cOff + 5 * ldc + 3 * L);
    }

    private static void kernel4x2(int kc, float[] ap, int aOff, float[] bp, int bOff,
                                  float[] c, int cOff, int ldc, boolean add) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        for (int p = 0, ai = aOff, bi = bOff; p < kc; p++, ai += 4, bi += 2 * L) {
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
        }
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, cOff)); c01 = c01.add(FloatVector.fromArray(S, c, cOff + L));
            c10 = c10.add(FloatVector.fromArray(S, c, cOff + ldc)); c11 = c11.add(FloatVector.fromArray(S, c, cOff + ldc + L));
            c20 = c20.add(FloatVector.fromArray(S, c, cOff + 2 * ldc)); c21 = c21.add(FloatVector.fromArray(S, c, cOff + 2 * ldc + L));
            c30 = c30.add(FloatVector.fromArray(S, c, cOff + 3 * ldc)); c31 = c31.add(FloatVector.fromArray(S, c, cOff + 3 * ldc + L));
        }
        c00.intoArray(c, cOff); c01.intoArray(c, cOff + L);
        c10.intoArray(c, cOff + ldc); c11.intoArray(c, cOff + ldc + L);
        c20.intoArray(c, cOff + 2 * ldc); c21.intoArray(c, cOff + 2 * ldc + L);
        c30.intoArray(c, cOff + 3 * ldc); c31.intoArray(c, cOff + 3 * ldc + L);
    }

    private static void kernel3x3(int kc, float[] ap, int aOff, float[] bp, int bOff,
                                  float[] c, int cOff, int ldc, boolean add) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z, c20 = z, c21 = z;
        FloatVector c22 = z;
        for (int p = 0, ai = aOff, bi = bOff; p < kc; p++, ai += 3, bi += 3 * L) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector a = FloatVector.broadcast(S, ap[ai]);
            c00 = a.fma(b0, c00); c01 = a.fma(b1, c01); c02 = a.fma(b2, c02);
            a = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a.fma(b0, c10); c11 = a.fma(b1, c11); c12 = a.fma(b2, c12);
            a = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a.fma(b0, c20); c21 = a.fma(b1, c21); c22 = a.fma(b2, c22);
        }
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, cOff)); c01 = c01.add(FloatVector.fromArray(S, c, cOff + L)); c02 = c02.add(FloatVector.fromArray(S, c, cOff + 2 * L));
            c10 = c10.add(FloatVector.fromArray(S, c, cOff + ldc)); c11 = c11.add(FloatVector.fromArray(S, c, cOff + ldc + L)); c12 = c12.add(FloatVector.fromArray(S, c, cOff + ldc + 2 * L));
            c20 = c20.add(FloatVector.fromArray(S, c, cOff + 2 * ldc)); c21 = c21.add(FloatVector.fromArray(S, c, cOff + 2 * ldc + L)); c22 = c22.add(FloatVector.fromArray(S, c, cOff + 2 * ldc + 2 * L));
        }
        c00.intoArray(c, cOff); c01.intoArray(c, cOff + L); c02.intoArray(c, cOff + 2 * L);
        c10.intoArray(c, cOff + ldc); c11.intoArray(c, cOff + ldc + L); c12.intoArray(c, cOff + ldc + 2 * L);
        c20.intoArray(c, cOff + 2 * ldc); c21.intoArray(c, cOff + 2 * ldc + L); c22.intoArray(c, cOff + 2 * ldc + 2 * L);
    }


    /**
     * An edge tile (mr ≤ MR rows, nr ≤ NR columns): the full tile is computed into {@code tile}
     * (the packed panels are zero-padded, so the extra lanes are harmless) and only its valid
     * part is written to C.
     */
    static void edge(int kc, float[] ap, int aOff, float[] bp, int bOff, float[] tile,
                     int mr, int nr, float[] c, int cOff, int ldc, boolean add) {
        kernel(kc, ap, aOff, bp, bOff, tile, 0, NR, false);
        writeTile(tile, mr, nr, c, cOff, ldc, add);
    }

    /** The valid mr × nr part of a full tile computed into {@code tile} (rows NR apart), written or added to C. */
    static void writeTile(float[] tile, int mr, int nr, float[] c, int cOff, int ldc, boolean add) {
        for (int r = 0; r < mr; r++) {
            int row = cOff + r * ldc;
            for (int j = 0; j < nr; j++) {
                c[row + j] = add ? c[row + j] + tile[r * NR + j] : tile[r * NR + j];
            }
        }
    }
}
