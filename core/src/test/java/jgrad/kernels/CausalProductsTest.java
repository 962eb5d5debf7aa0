package jgrad.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.autograd.GradCheck;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * Causal attention through {@link CausalProducts} against the same attention through full products (values and
 * gradients), and its float64 gradients against finite differences, at sizes that cross the bands.
 */
class CausalProductsTest {

    /** softmax(c · scores) under the causal mask, then α V: with the triangular products or with full ones. */
    private static Tensor attention(Tensor q, Tensor k, Tensor v, boolean triangular) {
        Tensor s = triangular ? CausalProducts.scores(q, k) : q.matmul(k, false, true);
        Tensor alpha = AttentionSoftmaxKernel.run(s, null, 0.5, true);
        return triangular ? CausalProducts.weigh(alpha, v) : alpha.matmul(v);
    }

    @Test
    void valuesAndGradientsEqualTheFullProducts() {
        SplittableRandom rng = new SplittableRandom(4);
        int[] qShape = {2, 3, 101, 8};
        Tensor q = Tensor.randn(rng, DType.F32, 0, 1, qShape);
        Tensor k = Tensor.randn(rng, DType.F32, 0, 1, qShape);
        Tensor v = Tensor.randn(rng, DType.F32, 0, 1, 2, 3, 101, 5);
        Tensor w = Tensor.randn(rng, DType.F32, 0, 1, 2, 3, 101, 5);
        float[][] full = run(q, k, v, w, false);
        float[][] tri = run(q, k, v, w, true);
        for (int i = 0; i < full.length; i++) {
            assertClose(full[i], tri[i], "output and the gradients of q, k, v: " + i);
        }
    }

    private static float[][] run(Tensor q0, Tensor k0, Tensor v0, Tensor w, boolean triangular) {
        Tensor q = q0.detach().copy().requiresGrad(true);
        Tensor k = k0.detach().copy().requiresGrad(true);
        Tensor v = v0.detach().copy().requiresGrad(true);
        Tensor y = attention(q, k, v, triangular);
        y.mul(w).sum().backward();
        return new float[][] {y.toFloatArray(), q.grad().toFloatArray(), k.grad().toFloatArray(), v.grad().toFloatArray()};
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertArrayEquals(expected, actual, 1e-5f, what);
    }

    @Test
    void float64GradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(5);
        Tensor q = Tensor.randn(rng, DType.F64, 0, 1, 1, 2, 53, 3);
        Tensor k = Tensor.randn(rng, DType.F64, 0, 1, 1, 2, 53, 3);
        Tensor v = Tensor.randn(rng, DType.F64, 0, 1, 1, 2, 53, 2);
        GradCheck.Result r = GradCheck.check(x -> attention(x[0], x[1], x[2], true), q, k, v);
        assertTrue(r.passed(1e-6), r.toString());
    }

    @Test
    void shapesThatAreNotCausalAttentionAreRefused() {
        Tensor a = Tensor.zeros(DType.F32, 2, 5, 4);
        Tensor b = Tensor.zeros(DType.F32, 2, 6, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CausalProducts.scores(a, b));
        assertTrue(e.getMessage().contains("[2, 5, 4]") && e.getMessage().contains("[2, 6, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CausalProducts.weigh(a, Tensor.zeros(DType.F32, 2, 4, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> CausalProducts.weigh(Tensor.zeros(DType.F32, 2, 5, 5), Tensor.zeros(DType.F32, 3, 5, 3)));
    }
}
