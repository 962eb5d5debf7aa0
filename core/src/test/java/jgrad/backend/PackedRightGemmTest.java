package jgrad.backend;

import static jgrad.backend.SimdFixture.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A right operand packed once ({@link Backend#packRight}) and multiplied many times ({@link Backend#gemmPackedRight})
 * against {@link Backend#gemm} on the unpacked operand. On exact values (multiples of 1/8, exact in any order) both
 * backends equal the scalar product over every transpose of A and B, β = 0 over NaN, 1 and others, a single row
 * or column, depths past one packed slice (KC is at most 768 on any CPU: 1,300 and 769 are two slices) and widths
 * not a multiple of the micro-kernel's. On real values the SIMD backend's packed product has the bits of its plain
 * one: the same panels, the same chains of multiply-adds.
 */
class PackedRightGemmTest {

    private static final int[][] SHAPES = {      // m, n, k
        {1, 1, 1}, {2, 3, 4}, {1, 70, 50}, {70, 1, 50}, {17, 33, 19}, {32, 1024, 256}, {32, 256, 1024}, {37, 45, 1300},
        {300, 700, 270}, {3, 4099, 17}, {1031, 5, 769}, {64, 100, 33},
    };

    @Test
    void packedProductsOfExactValuesEqualTheScalarProductOnEveryBackend() {
        SplittableRandom rnd = new SplittableRandom(31);
        for (Backend be : backends()) {
            for (int[] s : SHAPES) {
                for (int t = 0; t < 4; t++) {
                    double beta = new double[] {0, 1, -2, 0.5}[t];
                    checkExact(be, rnd, (t & 2) != 0, (t & 1) != 0, s[0], s[1], s[2], beta);
                }
            }
        }
    }

    @Test
    void anEmptyDepthLeavesBetaTimesC() {
        SplittableRandom rnd = new SplittableRandom(32);
        for (Backend be : backends()) {
            checkExact(be, rnd, false, false, 9, 37, 0, 0);
            checkExact(be, rnd, true, false, 9, 37, 0, -2);
            checkExact(be, rnd, false, true, 0, 37, 5, 0);
        }
    }

    @Test
    void simdPackedProductsOfRealValuesHaveThePlainProductsBits() {
        Backend simd = SimdFixture.simdOrSkip();
        SplittableRandom rnd = new SplittableRandom(33);
        for (int[] s : new int[][] {{32, 1024, 256}, {32, 256, 1024}, {2, 70, 50}, {301, 517, 203}, {64, 3, 900}}) {
            for (int t = 0; t < 4; t++) {
                GemmCase product = GemmCase.real(rnd, (t & 2) != 0, (t & 1) != 0, s[0], s[1], s[2], 1);
                assertExact("packed " + product, product.product(simd).a, product.packedRightProduct(simd).a);
            }
        }
    }

    @Test
    void theScalarLayoutIsTheOperandRowMajor() {
        Backend scalar = Backends.scalar();
        assertEquals(12, scalar.packedRightSize(3, 4));
        Storage.F32 b = new Storage.F32(new float[] {1, 2, 3, 4, 5, 6});   // B 2×3, packed as Bᵀ (3×2)
        Storage.F32 packed = new Storage.F32(new float[6]);
        scalar.packRight(true, 3, 2, b, 0, 3, packed, 0);
        assertExact("Bᵀ row-major", new float[] {1, 4, 2, 5, 3, 6}, packed.a);
    }

    @Test
    void aPackedBufferTooSmallIsRejectedWithWhatItNeeds() {
        for (Backend be : backends()) {
            if (be.packedRightSize(8, 40) == 8 * 40) {
                continue;                                   // the default layout: gemm checks its own operand
            }
            Storage.F32 b = new Storage.F32(new float[8 * 40]);
            Storage.F32 small = new Storage.F32(new float[8 * 40]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> be.packRight(false, 8, 40, b, 0, 40, small, 0));
            assertTrue(e.getMessage().contains("packRight") && e.getMessage().contains("needs "
                    + be.packedRightSize(8, 40)), e.getMessage());
        }
    }

    private static Backend[] backends() {
        return Backends.vectorApiAvailable() ? new Backend[] {Backends.scalar(), Backends.simd()}
                : new Backend[] {Backends.scalar()};
    }

    private static void checkExact(Backend be, SplittableRandom rnd, boolean ta, boolean tb, int m, int n, int k,
                                   double beta) {
        GemmCase product = GemmCase.exact(rnd, ta, tb, m, n, k, beta);
        assertExact(be.name() + " packed " + product, product.product(Backends.scalar()).a,
                product.packedRightProduct(be).a);
    }
}
