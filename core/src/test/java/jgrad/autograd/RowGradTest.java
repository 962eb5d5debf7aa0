package jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * A table's row gradient: the distinct ids ascending and each one's summed rows, whichever way the ids are ranked
 * (a table walk when the ids are few compared with the lookups, a sort when they are spread wide).
 */
class RowGradTest {

    @Test
    void handComputedSums() {
        Tensor g = Tensor.of(new double[] {1, 2, 10, 20, 100, 200, 1000, 2000}, 4, 2);
        RowGrad r = RowGrad.of(new int[] {3, 0, 3, 7}, g);
        assertArrayEquals(new int[] {0, 3, 7}, r.ids());
        assertArrayEquals(new double[] {10, 20, 101, 202, 1000, 2000},
                java.util.Arrays.copyOf(r.rows().toDoubleArray(), 6));
    }

    @Test
    void aDenseRangeAndAWideOneGiveTheSameGradient() {
        SplittableRandom rnd = new SplittableRandom(8);
        int n = 500;
        int[] near = new int[n];
        int[] far = new int[n];
        for (int i = 0; i < n; i++) {
            near[i] = rnd.nextInt(300);            // ids < 4n: ranked through a table
            far[i] = near[i] * 100_003 + 7;         // the same order, spread far beyond 4n: sorted
        }
        Tensor g = Tensor.randn(rnd, DType.F32, 0, 1, n, 5);
        RowGrad a = RowGrad.of(near, g);
        RowGrad b = RowGrad.of(far, g);
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.id(k) * 100_003 + 7, b.id(k));
        }
        assertArrayEquals(a.rows().toDoubleArray(), b.rows().toDoubleArray(), 0);
    }
}
