package jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import jgrad.tensor.DType;
import jgrad.tensor.Tensor;

/** Row-sparse (lazy) updates of embedding tables, and allocation in steady state. */
class SparseUpdatesTest {

    private static final int[] IDS = {1, 3, 1};

    private static Tensor table(boolean sparse) {
        return Tensor.randn(new Random(7), DType.F64, 0, 1, 6, 3).requiresGrad(true).sparseGrad(sparse);
    }

    /** L = Σ lookup(ids) ⊙ c for a fixed c, so each looked-up row gets the sum of its c rows. */
    private static void lossBackward(Tensor table, int step) {
        Tensor c = Tensor.randn(new Random(100 + step), DType.F64, 0, 1, IDS.length, 3);
        table.gatherRows(IDS).mul(c).sum().backward();
    }

    private static double[][] trainBoth(Supplier<Optimizer> make, int steps) {
        Tensor dense = table(false);
        Tensor sparse = table(true);
        Optimizer d = make.get().bind(Map.of("W_emb", dense));
        Optimizer s = make.get().bind(Map.of("W_emb", sparse));
        for (int t = 0; t < steps; t++) {
            d.zeroGrad();
            s.zeroGrad();
            lossBackward(dense, t);
            lossBackward(sparse, t);
            assertTrue(sparse.rowGrad() != null && sparse.grad() == null, "the sparse table must get a RowGrad");
            d.step();
            s.step();
        }
        return new double[][] {dense.toDoubleArray(), sparse.toDoubleArray()};
    }

    @Test
    void sparseSgdEqualsDenseSgd() {
        double[][] r = trainBoth(() -> new SGD(0.3), 3);
        assertArrayEquals(r[0], r[1], 1e-12);
    }

    @Test
    void lazyAdamLeavesRowsNotLookedUpAlone() {
        double[] before = table(true).toDoubleArray();
        double[][] r = trainBoth(() -> new Adam(0.1), 3);
        for (int row = 0; row < 6; row++) {
            boolean touched = row == 1 || row == 3;
            for (int j = 0; j < 3; j++) {
                int i = row * 3 + j;
                if (touched) {
                    assertTrue(r[1][i] != before[i], "row " + row + " was looked up and must move");
                    // Rows touched at every step see the same moments as in the dense rule.
                    assertEquals(r[0][i], r[1][i], 1e-12);
                } else {
                    assertEquals(before[i], r[1][i], 0.0, "row " + row + " was never looked up");
                }
            }
        }
    }

    @Test
    void lazyRulesDifferFromDenseOnlyInUntouchedRows() {
        // Dense Adam/RMSprop/momentum leave untouched rows alone too while their state is 0; the
        // difference shows only after a row's state is non-zero and it stops being looked up.
        for (Supplier<Optimizer> make : java.util.List.<Supplier<Optimizer>>of(
                () -> new SGD(0.1, 0.9, true), () -> new Adagrad(0.1), () -> new RMSprop(0.01))) {
            double[][] r = trainBoth(make, 2);
            assertArrayEquals(r[0], r[1], 1e-12, make.get().getClass().getSimpleName());
        }
    }

    @Test
    void lazyAdamWDecaysOnlyTheRowsLookedUp() {
        double[] before = table(true).toDoubleArray();
        double[][] r = trainBoth(() -> new AdamW(0.1), 2);
        int untouched = 0;                      // row 0
        assertEquals(before[untouched], r[1][untouched], 0.0);
        assertEquals(before[untouched] * (1 - 0.1 * 0.01) * (1 - 0.1 * 0.01), r[0][untouched], 1e-12);
        assertEquals(r[0][3], r[1][3], 1e-12);  // row 1, looked up in both steps
    }

    @Test
    void aDenseStepAllocatesNothingInSteadyState() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Tensor w = Tensor.randn(new Random(1), DType.F32, 0, 1, 64, 64).requiresGrad(true);
        w.mul(w).sum().backward();
        Optimizer opt = new Adam(1e-3).bind(Map.of("W", w));
        for (int i = 0; i < 200; i++) {
            opt.step();
        }
        long id = Thread.currentThread().threadId();
        long before = bean.getThreadAllocatedBytes(id);
        for (int i = 0; i < 1000; i++) {
            opt.step();
        }
        long perStep = (bean.getThreadAllocatedBytes(id) - before) / 1000;
        assertTrue(perStep < 64, "Adam.step() allocated " + perStep + " bytes per step");
    }
}
