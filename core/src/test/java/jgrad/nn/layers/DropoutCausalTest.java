package jgrad.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.nn.transformer.MultiHeadAttention;
import jgrad.tensor.Tensor;

/** Dropout of causal attention weights drawn only below the diagonal gives the attention full dropout's bits. */
class DropoutCausalTest {

    @Test
    void causalAttentionGetsTheSameOutputsGradientsAndLaterDraws() {
        SplittableRandom rnd = new SplittableRandom(12);
        // 3 sequences, 2 heads of 4, 5 queries over 7 keys (the queries stand for the last 5 positions)
        MultiHeadAttention attention = new MultiHeadAttention(8, 2, true, DType.F64, new SplittableRandom(2));
        Tensor q0 = Tensor.randn(rnd, DType.F64, 0, 1, 3, 5, 8);
        Tensor x0 = Tensor.randn(rnd, DType.F64, 0, 1, 3, 7, 8);
        Tensor g = Tensor.randn(rnd, DType.F64, 0, 1, 3, 5, 8);
        double[][] full = run(attention, q0, x0, g, false);
        double[][] causal = run(attention, q0, x0, g, true);
        String[] what = {"output", "d query", "d keys", "the next draws"};
        for (int i = 0; i < full.length; i++) {
            assertArrayEquals(full[i], causal[i], 0, what[i]);
        }
        double[][] none = run(attention, q0, x0, g, null);
        for (int i = 0; i < 3; i++) {       // the dropout did drop something
            assertFalse(java.util.Arrays.equals(none[i], full[i]), what[i]);
        }
    }

    private static double[][] run(MultiHeadAttention attention, Tensor q0, Tensor x0, Tensor g, Boolean causal) {
        Dropout dropout = new Dropout(0.3, 77L);
        Tensor q = q0.detach().requiresGrad(true);
        Tensor x = x0.detach().requiresGrad(true);
        Map<String, Tensor> w = attention.parameters();
        java.util.function.UnaryOperator<Tensor> onWeights = causal == null ? t -> t
                : causal ? dropout::forwardCausal : dropout::forward;
        Tensor y = attention.forward(w, q, x, null, onWeights).y();
        y.mul(g).sum().backward();
        double[] next = dropout.forward(Tensor.ones(DType.F64, 40)).toDoubleArray();
        return new double[][] {y.toDoubleArray(), q.grad().toDoubleArray(), x.grad().toDoubleArray(), next};
    }
}
