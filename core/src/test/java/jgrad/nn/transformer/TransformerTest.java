package jgrad.nn.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.nn.LayerGradCheck;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Multi-head attention's masks and weights, one head worked out directly, gradient checks of the block. */
class TransformerTest {

    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new SplittableRandom(seed), DType.F64, 0, 1, shape);
    }

    @Test
    void droppedKeysGetExactlyZeroAndEveryRowSumsToOne() {
        MultiHeadAttention mha = new MultiHeadAttention(6, 3, true, DType.F64, new SplittableRandom(1));
        Tensor mask = Tensor.of(new double[] {1, 1, 0, 1, 1, 0, 1, 1}, 2, 4);
        Tensor alpha = mha.forward(randn(2, 2, 4, 6), mask).alpha();
        for (int b = 0; b < 2; b++) {
            for (int h = 0; h < 3; h++) {
                for (int t = 0; t < 4; t++) {
                    double sum = 0;
                    for (int s = 0; s < 4; s++) {
                        double a = alpha.get(b, h, t, s);
                        if (s > t || mask.get(b, s) == 0) {
                            assertEquals(0.0, a, "b=" + b + " h=" + h + " t=" + t + " s=" + s);
                        }
                        sum += a;
                    }
                    assertEquals(1.0, sum, 1e-12);
                }
            }
        }
    }

    /** With one head: y = softmax(Q Kᵀ / √d) V W_oᵀ + b_o, by matrices written out here. */
    @Test
    void oneHeadIsScaledDotProductAttention() {
        MultiHeadAttention mha = new MultiHeadAttention(3, 1, false, DType.F64, new SplittableRandom(3));
        Tensor x = randn(4, 1, 5, 3);
        var p = mha.parameters();
        Tensor q = x.matmul(p.get("W_q"), false, true);
        Tensor k = x.matmul(p.get("W_k"), false, true);
        Tensor v = x.matmul(p.get("W_v"), false, true);
        double[] s = q.matmul(k, false, true).toDoubleArray();
        double[] want = new double[15];
        double[] vv = v.toDoubleArray();
        for (int t = 0; t < 5; t++) {
            double z = 0;
            double[] e = new double[5];
            for (int u = 0; u < 5; u++) {
                e[u] = Math.exp(s[t * 5 + u] / Math.sqrt(3));
                z += e[u];
            }
            for (int u = 0; u < 5; u++) {
                for (int f = 0; f < 3; f++) {
                    want[t * 3 + f] += e[u] / z * vv[u * 3 + f];
                }
            }
        }
        Tensor o = Tensor.of(want, 1, 5, 3).matmul(p.get("W_o"), false, true);
        assertArrayEquals(o.toDoubleArray(), mha.forward(x, null).y().toDoubleArray(), 1e-12);
    }

    @Test
    void gradients() {
        MultiHeadAttention mha = new MultiHeadAttention(4, 2, true, DType.F64, new SplittableRandom(1));
        Tensor mask = Tensor.of(new double[] {1, 1, 1, 1, 1, 0}, 2, 3);
        LayerGradCheck.check("MultiHeadAttention", mha.parameters(), List.of(randn(2, 2, 3, 4)),
                (w, in) -> LayerGradCheck.joined(mha.forward(w, in[0], mask).y(), mha.forward(w, in[0], mask).alpha()));
        for (boolean preNorm : new boolean[] {false, true}) {
            TransformerBlock block = new TransformerBlock(4, 2, 6, false, preNorm, 0, 1e-5, DType.F64, new SplittableRandom(2));
            LayerGradCheck.check("TransformerBlock preNorm=" + preNorm, block.parameters(), List.of(randn(3, 2, 3, 4)),
                    (w, in) -> block.forward(w, in[0], mask));
        }
        PositionalEmbedding pos = new PositionalEmbedding(5, 4, DType.F64, new SplittableRandom(4));
        LayerGradCheck.check("PositionalEmbedding", new java.util.LinkedHashMap<>(), List.of(randn(5, 2, 3, 4)),
                (w, in) -> pos.forward(in[0]).mul(pos.forward(in[0])));
    }

    /** A causal block's last step alone (one query) is the last step of the whole block, pre- and post-norm. */
    @Test
    void theLastStepAloneEqualsTheLastStepOfTheBlock() {
        Tensor mask = Tensor.of(new double[] {0, 1, 1, 1, 1, 1, 1, 1}, 2, 4);
        Tensor x = randn(6, 2, 4, 4);
        for (boolean preNorm : new boolean[] {false, true}) {
            TransformerBlock block = new TransformerBlock(4, 2, 6, true, preNorm, 0, 1e-5, DType.F64, new SplittableRandom(7));
            Tensor every = block.forward(x, mask).narrow(1, 3, 1);
            Tensor last = block.forwardLast(block.parameters(), x, mask);
            assertArrayEquals(every.toDoubleArray(), last.toDoubleArray(), 1e-12, "preNorm=" + preNorm);
        }
    }

    @Test
    void badInputsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new MultiHeadAttention(6, 4, false, DType.F32, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("heads (4) must divide the width d (6)"), e.getMessage());
        MultiHeadAttention mha = new MultiHeadAttention(4, 2, false, DType.F32, new SplittableRandom(1));
        e = assertThrows(IllegalArgumentException.class, () -> mha.forward(Tensor.zeros(2, 3, 4), Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("mask has shape [2, 4]"), e.getMessage());
        PositionalEmbedding pos = new PositionalEmbedding(3, 4, DType.F32, new SplittableRandom(1));
        e = assertThrows(IllegalArgumentException.class, () -> pos.forward(Tensor.zeros(1, 4, 4)));
        assertTrue(e.getMessage().contains("T <= 3"), e.getMessage());
    }
}
