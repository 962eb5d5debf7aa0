package jgrad.interop;

import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Attention;
import jgrad.nn.layers.Dense;
import jgrad.tensor.Tensor;

/**
 * Dot-product attention pooling with a learned query projection (article 002 §4.3's attention with a
 * Linear on the query, as PyTorch code often writes it): for x [B, T, d] and h [B, q],
 * <pre>
 *   q' = W h + b  [B, d],   e_t = x_t · q',   α = softmax_t(e),   c = Σ_t α_t x_t  [B, d]
 * </pre>
 * With b = 0 this is {@link Attention}'s {@code general} score; with the bias it is not, so the query is
 * projected first. Child {@code query} ({@link Dense}, W [d, q], b [d]); the pooling is {@link Attention}'s dot.
 */
public final class ProjectedAttention extends Module {

    private final Dense query;
    private final Attention pool;

    public ProjectedAttention(int q, int d, DType dtype) {
        this.query = child("query", new Dense(q, d, Activation.LINEAR, dtype, new SplittableRandom(0)));
        this.pool = new Attention(d);
    }

    /** q' = W h + b. */
    public Tensor query(Tensor h) {
        return query.forward(h);
    }

    /** Dot attention of x [B, T, d] with a query [B, d] as it is. */
    public Attention.Output pool(Tensor x, Tensor q) {
        return pool.forward(x, q, null);
    }

    /** α and c with the projected query. */
    public Attention.Output forward(Tensor x, Tensor h) {
        return pool(x, query(h));
    }
}
