package jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/** Row-sparse gradients of embedding tables: exact and lazy updates, and allocation in steady state. */
class SparseUpdatesTest {

    private static final int[] IDS = {1, 3, 1};

    private static Tensor table(boolean sparse) {
        return Tensor.randn(new Random(7), DType.F64, 0, 1, 6, 3).requiresGrad(true).sparseGrad(sparse);
    }

    /** L = Σ lookup(ids) ⊙ c for a fixed c, so each looked-up row gets the sum of its c rows. */
    private static void lossBackward(Tensor table, int step, int[] ids) {
        Tensor c = Tensor.randn(new Random(100 + step), DType.F64, 0, 1, ids.length, 3);
        table.gatherRows(ids).mul(c).sum().backward();
    }

    private static double[][] trainBoth(Supplier<Optimizer> make, int steps) {
        int[][] ids = new int[steps][];
        java.util.Arrays.fill(ids, IDS);
        return trainBoth(make, steps, ids);
    }

    /** Trains a dense and a row-sparse copy of one table side by side, looking up {@code ids[t]} at step t. */
    private static double[][] trainBoth(Supplier<Optimizer> make, int steps, int[][] ids) {
        Tensor dense = table(false);
        Tensor sparse = table(true);
        Optimizer d = make.get().bind(Map.of("W_emb", dense));
        Optimizer s = make.get().bind(Map.of("W_emb", sparse));
        for (int t = 0; t < steps; t++) {
            d.zeroGrad();
            s.zeroGrad();
            lossBackward(dense, t, ids[t]);
            lossBackward(sparse, t, ids[t]);
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
    void byDefaultEveryRuleGivesTheDenseStep() {
        // Rows 1 and 3 looked up, then untouched rows must still move: momentum, moments and penalties decay.
        for (Supplier<Optimizer> make : java.util.List.<Supplier<Optimizer>>of(
                () -> new Adam(0.1), () -> Adam.keras(0.1), () -> new AdamW(0.1), () -> new RMSprop(0.01),
                () -> new SGD(0.1, 0.9, true), () -> new Adagrad(0.1),
                () -> new SGD(0.1).regularize(Regularizer.l2(0.3)))) {
            double[][] r = trainBoth(make, 4, new int[][] {IDS, {0, 2}, IDS, {5}});
            assertArrayEquals(r[0], r[1], 0.0, make.get().getClass().getSimpleName());
        }
    }

    @Test
    void exactAdamMovesRowsAfterTheirLastLookup() {
        double[][] lazy = trainBoth(() -> new Adam(0.1).lazy(true), 2, new int[][] {IDS, {5}});
        double[][] exact = trainBoth(() -> new Adam(0.1), 2, new int[][] {IDS, {5}});
        int row1 = 3;                            // looked up at step 0 only
        assertTrue(exact[1][row1] != lazy[1][row1], "exact Adam keeps moving row 1 on its momentum");
        assertEquals(exact[0][row1], exact[1][row1], 0.0);
    }

    @Test
    void lazyAdamLeavesRowsNotLookedUpAlone() {
        double[] before = table(true).toDoubleArray();
        double[][] r = trainBoth(() -> new Adam(0.1).lazy(true), 3);
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
                () -> new SGD(0.1, 0.9, true).lazy(true), () -> new Adagrad(0.1).lazy(true),
                () -> new RMSprop(0.01).lazy(true))) {
            double[][] r = trainBoth(make, 2);
            assertArrayEquals(r[0], r[1], 1e-12, make.get().getClass().getSimpleName());
        }
    }

    @Test
    void lazyAdamWDecaysOnlyTheRowsLookedUp() {
        double[] before = table(true).toDoubleArray();
        double[][] r = trainBoth(() -> new AdamW(0.1).lazy(true), 2);
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
        // Steady state is after the JIT: interpreted Vector API code boxes every vector, so measure
        // rounds of steps until one allocates (almost) nothing, or give up after many.
        long id = Thread.currentThread().threadId();
        long perStep = Long.MAX_VALUE;
        for (int round = 0; round < 40 && perStep >= 256; round++) {
            long before = bean.getThreadAllocatedBytes(id);
            for (int i = 0; i < 500; i++) {
                opt.step();
            }
            perStep = (bean.getThreadAllocatedBytes(id) - before) / 500;
        }
        // A few small objects (the step's coefficients) are fine; a buffer of the 16 KB parameter is not.
        assertTrue(perStep < 256, "Adam.step() allocated " + perStep + " bytes per step");
    }
}
