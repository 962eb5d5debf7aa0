package jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.tensor.Tensor;

class ClippingAndSchedulesTest {

    /** Two parameters whose gradients are [3, 0] and [4]: global norm 5. */
    private static Tensor[] withGradients() {
        Tensor a = Tensor.zeros(DType.F64, 2).requiresGrad(true);
        Tensor b = Tensor.zeros(DType.F64, 1).requiresGrad(true);
        a.mul(Tensor.of(new double[] {3, 0}, 2)).sum().add(b.mul(4).sum()).backward();
        return new Tensor[] {a, b};
    }

    @Test
    void clippingScalesAllGradientsByOneFactor() {
        Tensor[] p = withGradients();
        assertEquals(5, GradientClipping.clipGlobalNorm(List.of(p), 1), 1e-12);
        assertArrayEquals(new double[] {0.6, 0}, p[0].grad().toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0.8}, p[1].grad().toDoubleArray(), 1e-12);
        assertEquals(1, GradientClipping.globalNorm(List.of(p)), 1e-12);
    }

    @Test
    void gradientsWithinTheNormAreLeftAlone() {
        Tensor[] p = withGradients();
        assertEquals(5, GradientClipping.clipGlobalNorm(List.of(p), 10), 1e-12);
        assertArrayEquals(new double[] {3, 0}, p[0].grad().toDoubleArray(), 0);
    }

    @Test
    void clippingCountsTheRowsOfSparseGradients() {
        Tensor table = Tensor.zeros(DType.F64, 4, 2).requiresGrad(true).sparseGrad(true);
        table.gatherRows(new int[] {2}).mul(Tensor.of(new double[] {6, 8}, 1, 2)).sum().backward();
        assertEquals(10, GradientClipping.clipGlobalNorm(List.of(table), 5), 1e-12);
        assertArrayEquals(new double[] {3, 4}, table.rowGrad().rows().toDoubleArray(), 1e-12);
    }

    @Test
    void theOptimizerClipsBeforeUpdating() {
        Tensor[] p = withGradients();
        new SGD(1).clipGlobalNorm(1).bind(Map.of("a", p[0], "b", p[1])).step();
        assertArrayEquals(new double[] {-0.6, 0}, p[0].toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {-0.8}, p[1].toDoubleArray(), 1e-12);
    }

    @Test
    void clippingByValueLimitsEveryElementAndKeepsNaN() {
        Tensor a = Tensor.zeros(DType.F32, 4).requiresGrad(true);
        a.mul(Tensor.of(new float[] {-3, 0.25f, 7, Float.NaN}, 4)).sum().backward();
        Tensor table = Tensor.zeros(DType.F64, 4, 2).requiresGrad(true).sparseGrad(true);
        table.gatherRows(new int[] {2}).mul(Tensor.of(new double[] {-6, 0.5}, 1, 2)).sum().backward();
        GradientClipping.clipValue(List.of(a, table), 1);
        assertArrayEquals(new float[] {-1, 0.25f, 1, Float.NaN}, a.grad().toFloatArray(), 0);
        assertArrayEquals(new double[] {-1, 0.5}, table.rowGrad().rows().toDoubleArray(), 0);
    }

    @Test
    void theOptimizerClipsByValueAfterTheNorm() {
        Tensor[] p = withGradients();             // [3, 0] and [4]: norm 5 → [0.6·2, 0] and [0.8·2] → value 1
        new SGD(1).clipGlobalNorm(2).clipValue(1).bind(Map.of("a", p[0], "b", p[1])).step();
        assertArrayEquals(new double[] {-1, 0}, p[0].toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {-1}, p[1].toDoubleArray(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new SGD(1).clipValue(0));
    }

    @Test
    void theSumOfSquaresIsOneDoubleWhereTheGradientsAre() {
        Tensor[] p = withGradients();
        Tensor s = GradientClipping.sumOfSquares(List.of(p));
        assertArrayEquals(new int[] {1}, s.shape());
        assertEquals(DType.F64, s.dtype());
        assertEquals(25, s.item());
        assertEquals(0, GradientClipping.globalNorm(List.of(Tensor.zeros(2))));
    }

    @Test
    void stepDecayHalvesEveryTwoSteps() {
        var s = LearningRateSchedule.step(1, 2, 0.5);
        assertEquals(List.of(1.0, 1.0, 0.5, 0.5, 0.25), List.of(s.rate(0), s.rate(1), s.rate(2), s.rate(3), s.rate(4)));
    }

    @Test
    void exponentialDecaySmoothAndStaircase() {
        assertEquals(Math.sqrt(0.5), LearningRateSchedule.exponential(1, 10, 0.5, false).rate(5), 1e-15);
        assertEquals(0.5, LearningRateSchedule.exponential(1, 10, 0.5, true).rate(15), 1e-15);
        assertEquals(0.25 * 2, LearningRateSchedule.exponential(2, 10, 0.5, false).rate(20), 1e-15);
    }

    @Test
    void cosineDecayGoesFromTheRateToItsFloor() {
        var s = LearningRateSchedule.cosine(1, 10, 0.1);
        assertEquals(1, s.rate(0), 1e-15);
        assertEquals(0.1 + 0.9 * 0.5, s.rate(5), 1e-15);
        assertEquals(0.1, s.rate(10), 1e-15);
        assertEquals(0.1, s.rate(25), 1e-15);
    }

    @Test
    void theOptimizerTakesEachStepsRateFromItsSchedule() {
        Tensor w = Tensor.of(new double[] {0}, 1).requiresGrad(true);
        Optimizer opt = new SGD(1).schedule(LearningRateSchedule.step(1, 1, 0.5)).bind(Map.of("w", w));
        for (int t = 0; t < 3; t++) {
            opt.zeroGrad();
            w.sum().backward();      // g = 1
            opt.step();
        }
        assertEquals(-(1 + 0.5 + 0.25), w.item(), 1e-15);
        assertEquals(0.25, opt.learningRate());
        assertEquals(3, opt.iterations());
    }

    @Test
    void badScheduleArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.step(1, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(1, 10, 2));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipGlobalNorm(List.of(), -1));
    }
}
