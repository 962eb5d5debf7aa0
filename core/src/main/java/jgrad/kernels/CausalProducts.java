package jgrad.kernels;

import java.util.Arrays;

import jgrad.backend.Triangle;
import jgrad.ops.MatMul;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * The two products of causal self-attention with T queries over T keys (query t sees keys 0 … t), batched over
 * equal leading axes, each skipping the triangle that is zero ({@link jgrad.backend.Backend#gemmTriangularBatch}):
 * <pre>
 *   scores(Q, K) = tril(Q Kᵀ)      Q, K [.., T, d] → [.., T, T], 0 above the diagonal
 *       dQ = tril(G) K,   dK = tril(G)ᵀ Q
 *   weigh(α, V) = α V               α [.., T, T], 0 above the diagonal; V [.., T, n] → [.., T, n]
 *       dα = tril(G Vᵀ),  dV = αᵀ G
 * </pre>
 * At T = 200 with bands of 48 rows each product does about 60 % of the full one's work. Two conditions, which
 * causal attention meets: α holds exact zeros above its diagonal (the attention softmax writes them; dropout keeps
 * them), and so does the gradient that reaches the scores (the softmax's backward gives exactly 0 where α is 0):
 * inside a band's diagonal block those entries are read as they are.
 */
public final class CausalProducts {

    private CausalProducts() {
    }

    /** tril(Q Kᵀ) for Q and K [.., T, d]. */
    public static Tensor scores(Tensor q, Tensor k) {
        check("scores", q, k, q.shape(-2), k.shape(-2), q.shape(-1), k.shape(-1));
        int t = q.shape(-2);
        Tensor out = product(Triangle.LOWER_PRODUCT, q, false, k, true, t, t, q.shape(-1));
        return out.recordedWithNewGradients("causalScores", g -> new Tensor[] {
                q.requiresGrad() ? product(Triangle.LOWER_LEFT, g, false, k, false, t, k.shape(-1), t) : null,
                k.requiresGrad() ? product(Triangle.UPPER_LEFT, g, true, q, false, t, q.shape(-1), t) : null}, q, k);
    }

    /** α V for α [.., T, T] (0 above the diagonal) and V [.., T, n]. */
    public static Tensor weigh(Tensor alpha, Tensor v) {
        check("weigh", alpha, v, alpha.shape(-2), alpha.shape(-1), alpha.shape(-1), v.shape(-2));
        int t = alpha.shape(-1);
        int n = v.shape(-1);
        Tensor out = product(Triangle.LOWER_LEFT, alpha, false, v, false, t, n, t);
        return out.recordedWithNewGradients("causalWeigh", g -> new Tensor[] {
                alpha.requiresGrad() ? product(Triangle.LOWER_PRODUCT, g, false, v, true, t, t, n) : null,
                v.requiresGrad() ? product(Triangle.UPPER_LEFT, alpha, true, g, false, t, n, t) : null}, alpha, v);
    }

    private static void check(String op, Tensor a, Tensor b, int rows, int square, int inner, int innerB) {
        boolean fits = a.rank() >= 3 && a.rank() == b.rank()
                && Arrays.equals(a.shape(), 0, a.rank() - 2, b.shape(), 0, b.rank() - 2)
                && rows == square && inner == innerB;
        if (!fits) {
            throw new IllegalArgumentException("causal " + op + ": shapes " + Shapes.format(a.shape()) + " and "
                    + Shapes.format(b.shape()) + " do not fit (expected equal batch axes and "
                    + (op.equals("scores") ? "[.., T, d] twice" : "[.., T, T] and [.., T, n]") + ")");
        }
    }

    /** C [.., m, n] = op(A)·op(B) of the given triangle shape, one product per batch entry. */
    private static Tensor product(Triangle shape, Tensor a, boolean transA, Tensor b, boolean transB, int m, int n,
                                  int k) {
        int[] outShape = Arrays.copyOf(a.shape(), a.rank());
        outShape[outShape.length - 2] = m;
        outShape[outShape.length - 1] = n;
        Tensor out = Tensor.forOverwrite(a.device(), a.dtype(), outShape);
        int batches = out.numel() == 0 ? 0 : out.numel() / (m * n);
        MatMul.Operand pa = MatMul.Operand.of(a, transA);
        MatMul.Operand pb = MatMul.Operand.of(b, transB);
        out.backend().gemmTriangularBatch(shape, pa.trans(), pb.trans(), m, n, k, batches, pa.t().storage(),
                pa.offsets(batches, out), pa.ld(), pb.t().storage(), pb.offsets(batches, out), pb.ld(), out.storage(), 0);
        return out;
    }
}
