package jgrad.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.tensor.Tensor;

class InitializersTest {

    @Test
    void uniformOnesStayInTheirBoundsAndHaveTheirVariance() {
        check(Initializers.glorotUniform(), Math.sqrt(6.0 / (300 + 200)), 2.0 / (300 + 200));
        check(Initializers.heUniform(), Math.sqrt(6.0 / 200), 2.0 / 200);
        check(Initializers.uniform(0.05), 0.05, 0.05 * 0.05 / 3);
    }

    @Test
    void normalOnesHaveTheirVariance() {
        check(Initializers.glorotNormal(), Double.POSITIVE_INFINITY, 2.0 / (300 + 200));
        check(Initializers.heNormal(), Double.POSITIVE_INFINITY, 2.0 / 200);
    }

    /** W [300, 200]: fan_out 300, fan_in 200; every |w| ≤ bound, mean ≈ 0, variance within 5%. */
    private static void check(Initializer init, double bound, double variance) {
        double[] w = init.create(new SplittableRandom(1), DType.F64, 300, 200).toDoubleArray();
        double mean = Arrays.stream(w).average().orElseThrow();
        double var = Arrays.stream(w).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        assertTrue(Arrays.stream(w).allMatch(v -> Math.abs(v) <= bound));
        assertEquals(0, mean, 0.05 * Math.sqrt(variance));
        assertEquals(variance, var, 0.05 * variance);
    }

    @Test
    void orthogonalHasOrthonormalRowsOrColumns() {
        for (int[] shape : new int[][] {{6, 6}, {8, 3}, {3, 8}}) {
            Tensor q = Initializers.orthogonal(2).create(new SplittableRandom(2), DType.F64, shape);
            boolean tall = shape[0] >= shape[1];
            Tensor gram = tall ? q.t().matmul(q) : q.matmul(q.t());
            int k = Math.min(shape[0], shape[1]);
            double[] g = gram.toDoubleArray();
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    assertEquals(i == j ? 4 : 0, g[i * k + j], 1e-12, Arrays.toString(shape));
                }
            }
        }
    }

    @Test
    void constantsAndTheSeed() {
        assertArrayEquals(new double[] {0, 0, 0}, Initializers.zeros().create(null, DType.F64, 3).toDoubleArray());
        assertArrayEquals(new double[] {1.5, 1.5}, Initializers.constant(1.5).create(null, DType.F64, 2).toDoubleArray());
        assertArrayEquals(Initializers.glorotUniform().create(new SplittableRandom(3), DType.F32, 4, 5).toFloatArray(),
                Initializers.glorotUniform().create(new SplittableRandom(3), DType.F32, 4, 5).toFloatArray());
    }
}
