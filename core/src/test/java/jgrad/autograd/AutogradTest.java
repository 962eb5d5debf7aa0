package jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.tensor.Tensor;
import jgrad.testing.Allocations;

class AutogradTest {

    @Test
    void handComputedGradientOfAProduct() {
        // L = Σ (x ⊙ y + x), so dL/dx = y + 1 and dL/dy = x.
        Tensor x = Tensor.of(new double[] {1, 2, 3}, 3).requiresGrad(true);
        Tensor y = Tensor.of(new double[] {4, 5, 6}, 3).requiresGrad(true);
        x.mul(y).add(x).sum().backward();
        assertArrayEquals(new double[] {5, 6, 7}, x.grad().toDoubleArray());
        assertArrayEquals(new double[] {1, 2, 3}, y.grad().toDoubleArray());
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Tensor x = Tensor.of(new double[] {2}, 1).requiresGrad(true);
        x.mul(x).sum().backward();          // d(x²)/dx = 4
        x.mul(3).sum().backward();          // + 3
        assertEquals(7, x.grad().item());
        x.zeroGrad();
        assertNull(x.grad());
    }

    @Test
    void aChainOfTenThousandOpsDoesNotOverflowTheStack() {
        Tensor x = Tensor.of(new double[] {1}, 1).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 10_000; i++) {
            y = y.mul(1.0001);
        }
        y.sum().backward();
        assertEquals(Math.pow(1.0001, 10_000), x.grad().item(), 1e-9);
    }

    @Test
    void noGradRecordsNothingAndDetachCutsTheGraph() {
        Tensor x = Tensor.ones(DType.F64, 2).requiresGrad(true);
        try (var scope = Autograd.noGrad()) {
            assertFalse(x.mul(2).requiresGrad());
        }
        assertTrue(x.mul(2).requiresGrad());
        assertFalse(x.mul(2).detach().requiresGrad());
        Tensor z = x.mul(2).detach().mul(x).sum();
        z.backward();
        assertArrayEquals(new double[] {2, 2}, x.grad().toDoubleArray());
    }

    @Test
    void theGraphIsFreedAfterBackwardUnlessRetained() {
        Tensor x = Tensor.ones(DType.F64, 2).requiresGrad(true);
        Tensor loss = x.mul(x).sum();
        loss.backward(Tensor.scalar(DType.F64, 1), true);
        loss.backward(Tensor.scalar(DType.F64, 1), false);
        assertArrayEquals(new double[] {4, 4}, x.grad().toDoubleArray());
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("freed"), e.getMessage());
    }

    @Test
    void backwardOnANonScalarSaysWhatToPass() {
        Tensor x = Tensor.ones(DType.F64, 2, 3).requiresGrad(true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> x.mul(2).backward());
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("upstream"), e.getMessage());
        x.mul(2).backward(Tensor.ones(DType.F64, 2, 3));
        assertArrayEquals(new double[] {2, 2, 2, 2, 2, 2}, x.grad().toDoubleArray());
    }

    @Test
    void upstreamOfTheWrongShapeIsRefused() {
        Tensor x = Tensor.ones(DType.F64, 2, 3).requiresGrad(true);
        var e = assertThrows(IllegalArgumentException.class, () -> x.mul(2).backward(Tensor.ones(DType.F64, 3, 2)));
        assertTrue(e.getMessage().contains("[3, 2]"), e.getMessage());
    }

    @Test
    void aTensorUsedTwiceSumsBothPaths() {
        // y = tanh(x); L = Σ y·y + y  =>  dL/dx = (2y + 1)(1 − y²)
        Tensor x = Tensor.of(new double[] {0.3, -0.7}, 2).requiresGrad(true);
        Tensor y = x.tanh();
        y.mul(y).add(y).sum().backward();
        for (int i = 0; i < 2; i++) {
            double t = Math.tanh(x.get(i));
            assertEquals((2 * t + 1) * (1 - t * t), x.grad().get(i), 1e-15);
        }
    }

    @Test
    void sparseTablesGetOnlyTheRowsLookedUp() {
        Tensor table = Tensor.arange(DType.F64, 12).reshape(6, 2).detach().requiresGrad(true).sparseGrad(true);
        Tensor dense = table.detach().requiresGrad(true);
        int[] ids = {4, 1, 4};
        Tensor w = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        table.gatherRows(ids).mul(w).sum().backward();
        dense.gatherRows(ids).mul(w).sum().backward();
        assertNull(table.grad());
        assertArrayEquals(new int[] {1, 4}, table.rowGrad().ids());
        assertArrayEquals(new double[] {3, 4, 6, 8}, table.rowGrad().rows().toDoubleArray());
        assertArrayEquals(dense.grad().toDoubleArray(), table.rowGrad().toDense(table.shape()).toDoubleArray());
    }

    @Test
    void gradCheckCatchesAWrongBackward() {
        // y = x², recorded with the wrong derivative x instead of 2x: the check must see it.
        GradCheck.Result r = GradCheck.check(x -> {
            Tensor y = x[0].detach().mul(x[0].detach());
            return y.recordedAs("badSquare", g -> new Tensor[] {g.mul(x[0].detach())}, x[0]);
        }, Tensor.of(new double[] {1.5, -2, 3}, 3));
        assertTrue(r.worst() > 0.1, r.toString());
        assertFalse(r.passed(1e-6));
    }

    @Test
    void anomalyDetectionNamesTheOp() {
        Tensor x = Tensor.of(new double[] {1, -1}, 2).requiresGrad(true);
        assertTrue(Double.isNaN(x.log().get(1)), "off by default");
        Autograd.detectAnomalies(true);
        try {
            var forward = assertThrows(NumericAnomalyException.class, () -> x.log());
            assertTrue(forward.getMessage().contains("'log'"), forward.getMessage());
            Tensor z = Tensor.of(new double[] {0, 4}, 2).requiresGrad(true);
            var backward = assertThrows(NumericAnomalyException.class, () -> z.sqrt().sum().backward());
            assertTrue(backward.getMessage().contains("backward of 'sqrt'"), backward.getMessage());
        } finally {
            Autograd.detectAnomalies(false);
        }
    }

    @Test
    void aSharedGradientIsNeverWrittenInPlace() {
        // y = a + b is used three times, so its gradient is a sum that add's backward hands to both a
        // and b; a and b then get more gradient through p. Adding that into the shared sum in place
        // would leak a's share into b's gradient.
        Tensor a = Tensor.of(new double[] {1, 2}, 2).requiresGrad(true);
        Tensor b = Tensor.of(new double[] {3, 4}, 2).requiresGrad(true);
        Tensor p = a.mul(0.5).add(b.mul(10));
        Tensor y = a.add(b);
        p.add(y.add(y).add(y)).sum().backward();
        assertArrayEquals(new double[] {3.5, 3.5}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {13, 13}, b.grad().toDoubleArray());
    }

    @Test
    void slicesAddIntoOneGradientOfTheWholeInput() {
        // L = Σ_t t · Σ x[:, t, :]: 40 slices of x, whose backward adds each slice's gradient into one
        // gradient of x (x.grad itself), where padding every slice to x's size made 40 and their sums.
        // The forward copies each slice once to sum it: x's size again.
        int steps = 40;
        Tensor x = Tensor.zeros(DType.F32, 16, steps, 256).requiresGrad(true);
        java.util.function.Supplier<Tensor> loss = () -> {
            Tensor sum = Tensor.scalar(DType.F32, 0);
            for (int t = 0; t < steps; t++) {
                sum = sum.add(x.narrow(1, t, 1).sum().mul(t));
            }
            return sum;
        };
        long bytes = Allocations.ofOneRun(3, backwardOf(x, loss));
        long xBytes = 4L * x.numel();
        assertTrue(bytes < 3 * xBytes, "a step allocated " + bytes + " bytes for an input of " + xBytes);
        float[] g = x.grad().toFloatArray();
        for (int i = 0; i < g.length; i++) {
            assertEquals(i / 256 % steps, g[i], 0, "element " + i);
        }
    }

    @Test
    void newGradientsAreSummedInPlaceAndHandedToTheLeaf() {
        // x feeds two products, whose backwards return new [B, T, d] gradients: the first is kept as
        // the sum, the second added into it, and the sum becomes x.grad without a copy (two
        // gradients of x's size in all, where a new sum and a copy for the leaf made four).
        Tensor x = Tensor.randn(new java.util.SplittableRandom(3), DType.F32, 0, 1, 8, 50, 128).requiresGrad(true);
        Tensor q = Tensor.randn(new java.util.SplittableRandom(4), DType.F32, 0, 1, 8, 128, 1);
        Tensor a = Tensor.randn(new java.util.SplittableRandom(5), DType.F32, 0, 1, 8, 1, 50);
        long bytes = Allocations.ofOneRun(3, backwardOf(x, () -> x.matmul(q).sum().add(a.matmul(x).sum())));
        long xBytes = 4L * x.numel();
        assertTrue(bytes < 2.5 * xBytes, "a step allocated " + bytes + " bytes for an input of " + xBytes);
        for (int b = 0; b < 8; b++) {
            for (int t = 0; t < 50; t++) {
                for (int j = 0; j < 128; j++) {
                    assertEquals(q.get(b, j, 0) + a.get(b, 0, t), x.grad().get(b, t, j), 1e-6);
                }
            }
        }
    }

    @Test
    void theCallersUpstreamIsNeverTheLeafsGradient() {
        Tensor x = Tensor.of(new double[] {1, 2}, 2).requiresGrad(true);
        Tensor up = Tensor.of(new double[] {3, 4}, 2);
        x.backward(up);
        up.set(0, 0);
        assertArrayEquals(new double[] {3, 4}, x.grad().toDoubleArray());
    }

    /** One step: clear x.grad, compute the loss, differentiate it. */
    private static Runnable backwardOf(Tensor x, java.util.function.Supplier<Tensor> loss) {
        return () -> {
            x.zeroGrad();
            loss.get().backward();
        };
    }
}
