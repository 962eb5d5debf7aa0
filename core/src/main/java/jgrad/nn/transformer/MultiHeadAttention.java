package jgrad.nn.transformer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.kernels.AttentionSoftmaxKernel;
import jgrad.kernels.CausalProducts;
import jgrad.nn.Config;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.nn.init.Initializers;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * Multi-head self-attention (Vaswani et al. 2017; SASRec, Kang and McAuley 2018) over x [B, T, d]
 * with h heads of width d_h = d / h:
 * <pre>
 *   Q = x W_qᵀ + b_q,   K = x W_kᵀ + b_k,   V = x W_vᵀ + b_v                       [B, T, d]
 *   s_j[t, s] = Q_j[t] · K_j[s] / √d_h                        (head j: features j·d_h … (j+1)·d_h − 1)
 *   α_j[t, ·] = softmax of s_j[t, ·] over the kept keys (dropped keys get exactly 0)
 *   O_j = α_j V_j,   O = [O_0, …, O_{h−1}],   y = O W_oᵀ + b_o
 * </pre>
 * Key s is dropped for query t when the attention is causal and s &gt; t, or when mask[b, s] = 0
 * (padding); a query with no key left keeps its own (its output means nothing, and is masked out by the
 * models). The weights are one op ({@link AttentionSoftmaxKernel}); when causal with as many queries as keys, the
 * scores and α V skip the triangle above the diagonal ({@link CausalProducts}). Weights [d, d] Glorot-uniform, biases zeros. This is PyTorch's
 * {@code MultiheadAttention(d, h, batch_first=True)} with in_proj_weight = [W_q; W_k; W_v].
 * As a {@link Layer} (a stage of a {@code Sequential}) it keeps every key (no padding mask) and returns y.
 */
public final class MultiHeadAttention extends Module implements Layer {

    /** The output y [B, T, d] and the attention weights α [B, h, T, T] of every head. */
    public record Output(Tensor y, Tensor alpha) {
    }

    /** The heads' outputs side by side, O = [O_0, …, O_{h−1}] [B, T, d] (before W_o), and α [B, h, T, T]. */
    public record Heads(Tensor o, Tensor alpha) {
    }

    private final int d;
    private final int heads;
    private final boolean causal;

    public MultiHeadAttention(int d, int heads, boolean causal, DType dtype, RandomGenerator rng) {
        if (d < 1 || heads < 1 || d % heads != 0) {
            throw new IllegalArgumentException("MultiHeadAttention: heads (" + heads + ") must divide the width d ("
                    + d + ")");
        }
        this.d = d;
        this.heads = heads;
        this.causal = causal;
        for (String p : new String[] {"q", "k", "v", "o"}) {
            param("W_" + p, Initializers.glorotUniform().create(rng, dtype, d, d));
        }
        for (String p : new String[] {"q", "k", "v", "o"}) {
            param("b_" + p, Tensor.zeros(dtype, d));
        }
    }

    /** y for x [B, T, d] and an optional padding mask [B, T] (1 keep, 0 drop; null keeps every key). */
    public Output forward(Tensor x, Tensor mask) {
        return forward(parameters(), x, mask);
    }

    /** y for x [B, T, d], every key kept (causal if so built). */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null).y();
    }

    public Output forward(Map<String, Tensor> weights, Tensor x, Tensor mask) {
        return forward(weights, x, x, mask, UnaryOperator.identity());
    }

    /**
     * Attention of the queries Q = query W_qᵀ + b_q [B, Tq, d] over the keys and values made from {@code keys}
     * [B, Tk, d] (K = keys W_kᵀ + b_k, V = keys W_vᵀ + b_v), the queries standing for the last Tq ≤ Tk positions
     * (query t at position t + Tk − Tq, for the causal mask); the mask is [B, Tk]. SASRec's block (Kang and
     * McAuley's code) takes its queries from the normalized sequence and its keys from the sequence itself, and its
     * serving path only the last position's query. {@code onWeights} maps α before it weighs V (SASRec's dropout
     * of the attention weights; identity for none); the output's α is the one before it.
     */
    public Output forward(Map<String, Tensor> weights, Tensor query, Tensor keys, Tensor mask,
                          UnaryOperator<Tensor> onWeights) {
        Weights w = new Weights(name(), weights);
        for (Tensor x : new Tensor[] {query, keys}) {
            if (x.rank() != 3 || x.shape(2) != d || x.shape(0) != query.shape(0) || x.shape(1) > keys.shape(1)) {
                throw new IllegalArgumentException(name() + ": input has shape " + Shapes.format(x.shape())
                        + ", expected [B, T, " + d + "]" + (x == query ? " with no more steps than the keys" : ""));
            }
        }
        int batch = query.shape(0);
        int queries = query.shape(1);
        int steps = keys.shape(1);
        if (mask != null && (mask.rank() != 2 || mask.shape(0) != batch || mask.shape(1) != steps)) {
            throw new IllegalArgumentException(name() + ": mask has shape " + Shapes.format(mask.shape())
                    + ", expected [" + batch + ", " + steps + "]");
        }
        Heads h = attend(project(w, "q", query), project(w, "k", keys), project(w, "v", keys), mask, onWeights);
        return new Output(h.o().matmul(w.get("W_o", d, d), false, true).add(w.get("b_o", d)), h.alpha());
    }

    /** {@link #attend(Tensor, Tensor, Tensor, Tensor, UnaryOperator)} with α weighing V as it is. */
    public Heads attend(Tensor queries, Tensor keys, Tensor values, Tensor mask) {
        return attend(queries, keys, values, mask, UnaryOperator.identity());
    }

    /**
     * The heads of projected Q [B, Tq, d], K and V [B, Tk, d] (softmax of the scaled scores over the kept keys, then
     * onWeights(α_j) V_j) side by side, and α; {@code mask} as in {@link #forward(Map, Tensor, Tensor, Tensor,
     * UnaryOperator)}. DP-SGD reads the projections' per-example gradients around it.
     */
    public Heads attend(Tensor queries, Tensor keys, Tensor values, Tensor mask, UnaryOperator<Tensor> onWeights) {
        int batch = queries.shape(0);
        int rows = queries.shape(1);
        Tensor q = split(queries, batch, rows);
        Tensor k = split(keys, batch, keys.shape(1));
        Tensor v = split(values, batch, values.shape(1));
        boolean square = causal && rows == keys.shape(1);      // then α is lower triangular: skip its zero half
        Tensor scores = square ? CausalProducts.scores(q, k) : q.matmul(k, false, true);
        Tensor alpha = AttentionSoftmaxKernel.run(scores, mask, 1 / Math.sqrt(d / (double) heads), causal);
        Tensor weighed = onWeights.apply(alpha);
        Tensor o = square ? CausalProducts.weigh(weighed, v) : weighed.matmul(v);
        return new Heads(o.permute(0, 2, 1, 3).reshape(batch, rows, d), alpha);
    }

    private Tensor project(Weights w, String p, Tensor x) {
        return x.matmul(w.get("W_" + p, d, d), false, true).add(w.get("b_" + p, d));
    }

    /** [B, T, d] → [B, h, T, d_h], a view. */
    private Tensor split(Tensor t, int batch, int steps) {
        return t.reshape(batch, steps, heads, d / heads).permute(0, 2, 1, 3);
    }

    public int heads() {
        return heads;
    }

    private String name() {
        return "MultiHeadAttention(d=" + d + ", heads=" + heads + (causal ? ", causal" : "") + ")";
    }

    @Override
    public String type() {
        return "MultiHeadAttention";
    }

    /** The configuration, for summaries and model files. */
    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("d", d);
        c.put("heads", heads);
        c.put("causal", causal);
        c.put("dtype", Config.dtypeName(parameters().get("W_q").dtype()));
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards, so the start is irrelevant. */
    public static MultiHeadAttention fromConfig(Map<String, Object> c) {
        Config k = new Config("MultiHeadAttention", c);
        return new MultiHeadAttention(k.getInt("d"), k.getInt("heads"), k.getBoolean("causal"), k.dtype(),
                new java.util.SplittableRandom(0));
    }
}
