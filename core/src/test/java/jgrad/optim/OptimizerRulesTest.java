package jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/** Each rule against steps computed by hand on a tiny tensor. */
class OptimizerRulesTest {

    private static final double TOL = 1e-12;

    /** Runs {@code steps} steps of L = ½Σw², whose gradient is w itself, from w = [1, −2]. */
    private static double[] runOnHalfSquare(Optimizer opt, int steps) {
        Tensor w = Tensor.of(new double[] {1, -2}, 2).requiresGrad(true);
        opt.bind(Map.of("w", w));
        for (int i = 0; i < steps; i++) {
            opt.zeroGrad();
            w.mul(w).sum().mul(0.5).backward();
            opt.step();
        }
        return w.toDoubleArray();
    }

    @Test
    void plainSgd() {
        // w ← w − 0.1·w, three times: 0.9³
        assertArrayEquals(new double[] {0.729, -1.458}, runOnHalfSquare(new SGD(0.1), 3), TOL);
    }

    @Test
    void sgdWithMomentum() {
        // b1 = 1, w1 = 0.9; b2 = 0.9·1 + 0.9 = 1.8, w2 = 0.72; b3 = 1.62 + 0.72 = 2.34, w3 = 0.486
        assertArrayEquals(new double[] {0.486, -0.972}, runOnHalfSquare(new SGD(0.1, 0.9, false), 3), TOL);
    }

    @Test
    void sgdWithNesterovMomentum() {
        // b1 = 1, d1 = 1 + 0.9 = 1.9, w1 = 0.81; b2 = 0.9 + 0.81 = 1.71, d2 = 0.81 + 1.539, w2 = 0.5751
        assertArrayEquals(new double[] {0.5751, -1.1502}, runOnHalfSquare(new SGD(0.1, 0.9, true), 2), TOL);
    }

    @Test
    void adamFirstStepMovesEveryWeightByTheLearningRate() {
        // m̂ = g and v̂ = g² at t = 1, so the step is lr·g/(|g| + ε).
        double[] w = runOnHalfSquare(new Adam(0.1), 1);
        assertArrayEquals(new double[] {1 - 0.1 / (1 + 1e-8), -2 + 0.1 * 2 / (2 + 1e-8)}, w, TOL);
    }

    @Test
    void adamFollowsThePublishedAlgorithmWithBiasCorrection() {
        double lr = 0.05, b1 = 0.8, b2 = 0.95, eps = 1e-6;
        double[] got = runOnHalfSquare(new Adam(lr, b1, b2, eps, false), 3);
        // Algorithm 1 of Kingma & Ba, written out for one weight.
        for (int k = 0; k < 2; k++) {
            double w = k == 0 ? 1 : -2, m = 0, v = 0;
            for (int t = 1; t <= 3; t++) {
                double g = w;
                m = b1 * m + (1 - b1) * g;
                v = b2 * v + (1 - b2) * g * g;
                double mHat = m / (1 - Math.pow(b1, t));
                double vHat = v / (1 - Math.pow(b2, t));
                w -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            assertEquals(w, got[k], TOL);
        }
    }

    @Test
    void kerasAdamPutsEpsilonBeforeTheBiasCorrection() {
        // With a tiny gradient g the placement shows: Keras divides by |g| + ε/√(1 − β₂), PyTorch by |g| + ε.
        double g = 1e-6;
        Tensor a = Tensor.of(new double[] {0}, 1).requiresGrad(true);
        Tensor b = Tensor.of(new double[] {0}, 1).requiresGrad(true);
        Optimizer keras = Adam.keras(1).bind(Map.of("a", a));
        Optimizer torch = new Adam(1, 0.9, 0.999, 1e-7, false).bind(Map.of("b", b));
        a.mul(g).sum().backward();
        b.mul(g).sum().backward();
        keras.step();
        torch.step();
        assertEquals(-g / (g + 1e-7 / Math.sqrt(0.001)), a.item(), 1e-12);
        assertEquals(-g / (g + 1e-7), b.item(), 1e-12);
        assertEquals(1e-3, Adam.keras().learningRate());
    }

    @Test
    void adamWDecaysTheWeightOutsideTheMoments() {
        // L = Σ 3w: g = 3 whatever w is. Step 1: w = 2·(1 − 0.1·0.5) − 0.1·3/(3 + ε) = 1.8
        Tensor w = Tensor.of(new double[] {2}, 1).requiresGrad(true);
        Optimizer opt = new AdamW(0.1, 0.9, 0.999, 1e-8, 0.5).bind(Map.of("w", w));
        w.mul(3).sum().backward();
        opt.step();
        assertEquals(2 * 0.95 - 0.1 * 3 / (3 + 1e-8), w.item(), TOL);
    }

    @Test
    void adagradAccumulatesSquares() {
        // w = 1:  s1 = 1, w1 = 1 − 0.1·1/1 = 0.9;    s2 = 1 + 0.81, w2 = 0.9 − 0.1·0.9/√1.81
        // w = −2: s1 = 4, w1 = −2 + 0.1·2/2 = −1.9; s2 = 4 + 3.61, w2 = −1.9 + 0.1·1.9/√7.61
        double[] want = {0.9 - 0.1 * 0.9 / (Math.sqrt(1.81) + 1e-10), -1.9 + 0.1 * 1.9 / (Math.sqrt(7.61) + 1e-10)};
        assertArrayEquals(want, runOnHalfSquare(new Adagrad(0.1), 2), 1e-9);   // step 1 ignores ε = 1e-10
        // Keras starts the accumulator at 0.1: s1 = 1.1
        double k1 = 1 - 1e-3 / (Math.sqrt(1.1) + 1e-7);
        assertEquals(k1, runOnHalfSquare(Adagrad.keras(), 1)[0], TOL);
    }

    @Test
    void rmspropKeepsAMovingAverageOfSquares() {
        // v1 = 0.1, w1 = 1 − 0.01/√0.1; v2 = 0.9·0.1 + 0.1·w1², w2 = w1 − 0.01·w1/√v2
        double w1 = 1 - 0.01 / (Math.sqrt(0.1) + 1e-7);
        double v2 = 0.09 + 0.1 * w1 * w1;
        double w2 = w1 - 0.01 * w1 / (Math.sqrt(v2) + 1e-7);
        assertEquals(w2, runOnHalfSquare(new RMSprop(0.01, 0.9, 1e-7), 2)[0], TOL);
    }

    @Test
    void regularizationAddsItsDerivativeToTheGradient() {
        // L = Σ 2w (g = 2), R = 0.1·Σ|w| + 0.25·Σw²: g' = 2 + 0.1·sign(w) + 0.5·w
        Tensor w = Tensor.of(new double[] {1, -4, 0}, 3).requiresGrad(true);
        Optimizer opt = new SGD(0.1).regularize(new Regularizer(0.1, 0.25)).bind(Map.of("w", w));
        w.mul(2).sum().backward();
        opt.step();
        assertArrayEquals(new double[] {1 - 0.1 * 2.6, -4 - 0.1 * (2 - 0.1 - 2), 0 - 0.1 * 2},
                w.toDoubleArray(), TOL);
        assertEquals(0.1 * 5 + 0.25 * 17, new Regularizer(0.1, 0.25)
                .penalty(java.util.List.of(Tensor.of(new double[] {1, -4, 0}, 3))).item(), TOL);
    }

    @Test
    void regularizationCanSkipParametersByName() {
        Tensor w = Tensor.of(new double[] {1}, 1).requiresGrad(true);
        Tensor b = Tensor.of(new double[] {1}, 1).requiresGrad(true);
        Optimizer opt = new SGD(1).regularize(Regularizer.l2(0.5), name -> name.startsWith("W"))
                .bind(Map.of("W", w, "b", b));
        w.mul(0).sum().backward();
        b.mul(0).sum().backward();
        opt.step();
        assertEquals(0, w.item(), TOL);      // 1 − 1·(2·0.5·1)
        assertEquals(1, b.item(), TOL);
    }

    @Test
    void bindingMoreParametersKeepsTheStateOfTheOthers() {
        // Momentum b = 1 after step 1; if the state were lost, step 2 would move w by 0.1 instead of 0.19.
        Tensor w = Tensor.of(new double[] {0}, 1).requiresGrad(true);
        Optimizer opt = new SGD(0.1, 0.9, false).bind(Map.of("w", w));
        w.sum().backward();
        opt.step();
        opt.bind(Map.of("v", Tensor.zeros(DType.F64, 1).requiresGrad(true)));
        opt.regularize(Regularizer.NONE);
        opt.step();
        assertEquals(-0.1 - 0.19, w.item(), TOL);
    }

    @Test
    void f32ParametersAreUpdatedInF32() {
        Tensor w = Tensor.of(new float[] {1, -2}, 2).requiresGrad(true);
        Optimizer opt = new SGD(0.1).bind(Map.of("w", w));
        w.mul(w).sum().mul(0.5).backward();
        opt.step();
        assertEquals(DType.F32, w.dtype());
        assertArrayEquals(new float[] {0.9f, -1.8f}, w.toFloatArray(), 1e-7f);
    }

    @Test
    void badArgumentsAreRefusedWithTheirName() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SGD(-1));
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 1.0, 0.999, 1e-8, false));
        assertTrue(e.getMessage().contains("beta1"), e.getMessage());
        var s = assertThrows(IllegalStateException.class, () -> new SGD(0.1).step());
        assertTrue(s.getMessage().contains("bind"), s.getMessage());
        Tensor w = Tensor.zeros(DType.F64, 2).requiresGrad(true);
        Optimizer opt = new SGD(0.1).bind(Map.of("w", w));
        assertThrows(IllegalArgumentException.class, () -> opt.bind(Map.of("w", w)));
    }
}
