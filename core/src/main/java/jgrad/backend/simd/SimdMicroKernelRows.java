package jgrad.backend.simd;

import static jgrad.backend.simd.SimdMicroKernel.L;
import static jgrad.backend.simd.SimdMicroKernel.MR;
import static jgrad.backend.simd.SimdMicroKernel.NR;
import static jgrad.backend.simd.SimdMicroKernel.S;

import jdk.incubator.vector.FloatVector;

/**
 * The register tiles of {@link SimdMicroKernel} with op(A) = A read in place: row r of the tile is
 * A's row at {@code aOff + r·lda}, p running along it, where the packed kernels read a sliver of MR
 * values per p. Each element of C is the same chain of FMAs over p, so the bits are the packed
 * kernel's. Written for the two tiles the CPUs choose (12 × 2 vectors with 32 registers, 4 × 2 with
 * 16); {@link #available} says whether the chosen tile is one of them.
 */
final class SimdMicroKernelRows {

    private static final int TILE = MR * 100 + SimdGemmConfig.CHOSEN.vectors;

    private SimdMicroKernelRows() {
    }

    /** Whether the CPU's tile has an in-place kernel here. */
    static boolean available() {
        return TILE == 1202 || TILE == 402;
    }

    /** C[0..MR)[0..NR) = Σ_p A[r][p]·B[p] (+ C when {@code add}), A's rows lda apart, B a packed sliver. */
    static void kernel(int kc, float[] a, int aOff, int lda, float[] bp, int bOff, float[] c, int cOff, int ldc,
                       boolean add) {
        if (TILE == 1202) {
            kernel12x2(kc, a, aOff, lda, bp, bOff, c, cOff, ldc, add);
        } else {
            kernel4x2(kc, a, aOff, lda, bp, bOff, c, cOff, ldc, add);
        }
    }

    /** An MR × nr tile (nr < NR): the full tile into {@code tile} (B's padding is zeros), its nr columns to C. */
    static void edge(int kc, float[] a, int aOff, int lda, float[] bp, int bOff, float[] tile, int nr, float[] c,
                     int cOff, int ldc, boolean add) {
        kernel(kc, a, aOff, lda, bp, bOff, tile, 0, NR, false);
        SimdMicroKernel.writeTile(tile, MR, nr, c, cOff, ldc, add);
    }

    private static void kernel12x2(int kc, float[] a, int aOff, int lda, float[] bp, int bOff,
                                   float[] c, int cOff, int ldc, boolean add) {
        int r0 = aOff, r1 = r0 + lda, r2 = r1 + lda, r3 = r2 + lda, r4 = r3 + lda, r5 = r4 + lda;
        int r6 = r5 + lda, r7 = r6 + lda, r8 = r7 + lda, r9 = r8 + lda, r10 = r9 + lda, r11 = r10 + lda;
        FloatVector z = FloatVector.zero(S);
        FloatVector c000 = z, c001 = z, c010 = z, c011 = z, c020 = z, c021 = z, c030 = z, c031 = z;
        FloatVector c040 = z, c041 = z, c050 = z, c051 = z, c060 = z, c061 = z, c070 = z, c071 = z;
        FloatVector c080 = z, c081 = z, c090 = z, c091 = z, c100 = z, c101 = z, c110 = z, c111 = z;
        for (int p = 0, bi = bOff; p < kc; p++, bi += 2 * L) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[r0 + p]);
            c000 = x.fma(b0, c000); c001 = x.fma(b1, c001);
            x = FloatVector.broadcast(S, a[r1 + p]);
            c010 = x.fma(b0, c010); c011 = x.fma(b1, c011);
            x = FloatVector.broadcast(S, a[r2 + p]);
            c020 = x.fma(b0, c020); c021 = x.fma(b1, c021);
            x = FloatVector.broadcast(S, a[r3 + p]);
            c030 = x.fma(b0, c030); c031 = x.fma(b1, c031);
            x = FloatVector.broadcast(S, a[r4 + p]);
            c040 = x.fma(b0, c040); c041 = x.fma(b1, c041);
            x = FloatVector.broadcast(S, a[r5 + p]);
            c050 = x.fma(b0, c050); c051 = x.fma(b1, c051);
            x = FloatVector.broadcast(S, a[r6 + p]);
            c060 = x.fma(b0, c060); c061 = x.fma(b1, c061);
            x = FloatVector.broadcast(S, a[r7 + p]);
            c070 = x.fma(b0, c070); c071 = x.fma(b1, c071);
            x = FloatVector.broadcast(S, a[r8 + p]);
            c080 = x.fma(b0, c080); c081 = x.fma(b1, c081);
            x = FloatVector.broadcast(S, a[r9 + p]);
            c090 = x.fma(b0, c090); c091 = x.fma(b1, c091);
            x = FloatVector.broadcast(S, a[r10 + p]);
            c100 = x.fma(b0, c100); c101 = x.fma(b1, c101);
            x = FloatVector.broadcast(S, a[r11 + p]);
            c110 = x.fma(b0, c110); c111 = x.fma(b1, c111);
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

    private static void kernel4x2(int kc, float[] a, int aOff, int lda, float[] bp, int bOff,
                                  float[] c, int cOff, int ldc, boolean add) {
        int r0 = aOff, r1 = r0 + lda, r2 = r1 + lda, r3 = r2 + lda;
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        for (int p = 0, bi = bOff; p < kc; p++, bi += 2 * L) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[r0 + p]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[r1 + p]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[r2 + p]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[r3 + p]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
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
}
