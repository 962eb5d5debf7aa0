package jgrad.privacy.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jgrad.backend.Backends;
import jgrad.backend.DType;
import jgrad.random.ZigguratNormal;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The DP-SGD kernels of the current backend against hand-computed values. */
class DpKernelsTest {

    @Test
    void rowSquaredNormsSumEachRow() {
        Tensor x = Tensor.of(new double[] {1, 2, 2, 0, 0, 0, -3, 4, 0}, 3, 3);
        assertArrayEquals(new double[] {9, 0, 25}, PerExample.rowSquaredNorms(x).toDoubleArray(), 0);
    }

    @Test
    void clipFactorsBringNormsDownToC() {
        Tensor sq = Tensor.of(new double[] {16, 1, 0, 4}, 4);
        Tensor out = Tensor.zeros(DType.F64, 4);
        Backends.current().clipFactors(4, sq.storage(), sq.offset(), 2.0, out.storage(), out.offset());
        assertArrayEquals(new double[] {0.5, 1, 1, 1}, out.toDoubleArray(), 0);
    }

    @Test
    void addGaussianAddsScaledZigguratNormals() {
        Tensor t = Tensor.of(new double[] {1, 2, 3}, 3);
        Backends.current().addGaussian(3, 77, 10, 0.5, t.storage(), t.offset());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1 + 0.5 * ZigguratNormal.gaussian(77, 10 + i), t.toDoubleArray()[i], 1e-15);
        }
    }

    /**
     * The SIMD row norms (float lanes with FMA) against the scalar reference (a double sum), on awkward widths: empty,
     * one, a vector's lanes ± 1, a prime and a wide row; an offset that is not a multiple of the lanes.
     */
    @Test
    void simdRowSquaredNormsMatchTheScalarOnes() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Backends.vectorApiAvailable(), "no Vector API in this JVM: nothing to compare");
        for (int cols : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 31, 33, 101, 785}) {
            int rows = 5;
            Tensor x = Tensor.randn(new java.util.SplittableRandom(cols), DType.F32, 0, 1, rows * cols + 3);
            Tensor scalar = Tensor.zeros(DType.F32, rows);
            Tensor simd = Tensor.zeros(DType.F32, rows);
            new jgrad.backend.ScalarBackend().rowSquaredNorms(rows, cols, x.storage(), 3, scalar.storage(), 0);
            Backends.simd().rowSquaredNorms(rows, cols, x.storage(), 3, simd.storage(), 0);
            float[] expected = scalar.toFloatArray();
            float[] actual = simd.toFloatArray();
            for (int r = 0; r < rows; r++) {
                assertEquals(expected[r], actual[r], 1e-5 * expected[r], "width " + cols + ", row " + r);
            }
        }
    }

    /** The SIMD backend draws the scalar reference's bits, whatever the thread split (odd offset, odd length). */
    @Test
    void simdNoiseHasTheScalarBits() {
        int n = 100_003;
        Tensor scalar = Tensor.randn(new java.util.SplittableRandom(2), DType.F32, 0, 1, n);
        Tensor simd = scalar.copy();
        new jgrad.backend.ScalarBackend().addGaussian(n, 91, 12_345, 0.7, scalar.storage(), scalar.offset());
        org.junit.jupiter.api.Assumptions.assumeTrue(Backends.vectorApiAvailable(), "no Vector API in this JVM: nothing to compare");
        Backends.simd().addGaussian(n, 91, 12_345, 0.7, simd.storage(), simd.offset());
        assertArrayEquals(scalar.toFloatArray(), simd.toFloatArray(), 0f);
    }
}
