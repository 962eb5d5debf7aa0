package jgrad.backend;

import static jgrad.backend.SimdFixture.copyOf;
import static jgrad.backend.SimdFixture.eighths;
import static jgrad.backend.SimdFixture.uniform;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The operands of one product C = op(A)·op(B) + β·C for the differential GEMM tests, and the products of each
 * backend, each computed into a copy of C.
 */
record GemmCase(boolean ta, boolean tb, int m, int n, int k, double beta, Storage.F32 a, int aOff, int lda,
                Storage.F32 b, int bOff, int ldb, Storage.F32 c, int cOff, int ldc) {

    /** Where {@link #packedRightProduct} puts the packed operand: past a few floats it must not touch. */
    private static final int PACKED_OFFSET = 5;

    /**
     * Exact values (multiples of 1/8 with small numerators, exact in float in any order), with offsets and leading
     * dimensions wider than the matrices and C longer than its rows, so that a write outside C shows; with β = 0,
     * C's rows hold NaN, which the product must overwrite without reading.
     */
    static GemmCase exact(SplittableRandom rnd, boolean ta, boolean tb, int m, int n, int k, double beta) {
        int aRows = ta ? k : m, aCols = ta ? m : k;
        int bRows = tb ? n : k, bCols = tb ? k : n;
        int lda = aCols + 3, ldb = bCols + 5, ldc = n + 2;
        int aOff = 7, bOff = 1, cOff = 4;
        Storage.F32 a = eighths(rnd, aOff + aRows * lda, 16);
        Storage.F32 b = eighths(rnd, bOff + bRows * ldb, 16);
        Storage.F32 c = eighths(rnd, cOff + m * ldc + 3, 16);
        if (beta == 0) {
            Arrays.fill(c.a, cOff, cOff + m * ldc, Float.NaN);
        }
        return new GemmCase(ta, tb, m, n, k, beta, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /** Uniform values in [−1, 1), stored tight: offsets 0, leading dimensions the matrices' widths. */
    static GemmCase real(SplittableRandom rnd, boolean ta, boolean tb, int m, int n, int k, double beta) {
        Storage.F32 a = uniform(rnd, 0, m * k, -1, 1);
        Storage.F32 b = uniform(rnd, 0, k * n, -1, 1);
        Storage.F32 c = uniform(rnd, 0, m * n, -1, 1);
        return new GemmCase(ta, tb, m, n, k, beta, a, 0, ta ? m : k, b, 0, tb ? k : n, c, 0, n);
    }

    /** C after {@code be}'s {@link Backend#gemm}. */
    Storage.F32 product(Backend be) {
        Storage.F32 out = copyOf(c);
        be.gemm(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, beta, out, cOff, ldc);
        return out;
    }

    /** C after {@code be} packed op(B) ({@link Backend#packRight}) and multiplied by it ({@link Backend#gemmPackedRight}). */
    Storage.F32 packedRightProduct(Backend be) {
        Storage.F32 packed = new Storage.F32(new float[PACKED_OFFSET + be.packedRightSize(k, n)]);
        be.packRight(tb, k, n, b, bOff, ldb, packed, PACKED_OFFSET);
        Storage.F32 out = copyOf(c);
        be.gemmPackedRight(ta, m, n, k, a, aOff, lda, packed, PACKED_OFFSET, beta, out, cOff, ldc);
        return out;
    }

    @Override
    public String toString() {
        return String.format("%s%s m=%d n=%d k=%d beta=%s", ta ? "T" : "N", tb ? "T" : "N", m, n, k, beta);
    }
}
