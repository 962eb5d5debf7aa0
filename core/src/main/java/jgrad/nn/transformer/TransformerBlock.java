package jgrad.nn.transformer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Config;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.norm.LayerNorm;
import jgrad.tensor.Tensor;

/**
 * A Transformer encoder block: self-attention and a point-wise feed-forward network, each with a
 * residual connection, dropout and layer normalization. With a = MHA(x) ({@link MultiHeadAttention})
 * and the feed-forward network F(z) = W_2 relu(W_1 z + b_1) + b_2 applied at every position:
 * <pre>
 *   post-norm (Vaswani et al. 2017):  y1 = LN_1(x + Dropout(a)),            y = LN_2(y1 + Dropout(F(y1)))
 *   pre-norm (SASRec §3.3):          y1 = x + Dropout(MHA(LN_1(x))),       y = y1 + Dropout(F(LN_2(y1)))
 * </pre>
 * Parameter names are the formulas': {@code attention.W_q …}, {@code gamma_1}/{@code beta_1} under
 * {@code norm1}, {@code W_1}, {@code b_1} under {@code ff1}, {@code W_2}, {@code b_2} under {@code ff2}.
 * As a {@link Layer} (a stage of a {@code Sequential}) it keeps every key (no padding mask).
 */
public final class TransformerBlock extends Module implements Layer {

    /**
     * The block's four parts with parameters, each a function of its input: {@link #forwardThrough} wires
     * them, so that another reader of the same weights (DP-SGD's per-example gradients) runs the same block.
     */
    public interface Parts {
        Tensor attention(Tensor x);

        Tensor norm1(Tensor x);

        /** F(z) = W_2 relu(W_1 z + b_1) + b_2 at every position. */
        Tensor feedForward(Tensor z);

        Tensor norm2(Tensor x);
    }

    private final boolean preNorm;
    private final int dFf;
    private final double dropout;
    private final double eps;
    private final MultiHeadAttention attention;
    private final LayerNorm norm1;
    private final Dense ff1;
    private final Dense ff2;
    private final LayerNorm norm2;
    private final Dropout dropAttention;
    private final Dropout dropFeedForward;

    public TransformerBlock(int d, int heads, int dFf, boolean causal, boolean preNorm, double dropout, double eps,
                            DType dtype, RandomGenerator rng) {
        this.preNorm = preNorm;
        this.dFf = dFf;
        this.dropout = dropout;
        this.eps = eps;
        attention = child("attention", new MultiHeadAttention(d, heads, causal, dtype, rng));
        norm1 = child("norm1", new LayerNorm(d, eps, dtype));
        ff1 = child("ff1", new Dense(d, dFf, Activation.RELU, dtype, rng));
        ff2 = child("ff2", new Dense(dFf, d, Activation.LINEAR, dtype, rng));
        norm2 = child("norm2", new LayerNorm(d, eps, dtype));
        dropAttention = child("dropout1", new Dropout(dropout, rng));
        dropFeedForward = child("dropout2", new Dropout(dropout, rng));
    }

    /** y for x [B, T, d] and an optional padding mask [B, T] (1 keep, 0 drop). */
    public Tensor forward(Tensor x, Tensor mask) {
        return forward(parameters(), x, mask);
    }

    /** y for x [B, T, d], every key kept (causal if so built). */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null);
    }

    /** The same with the given weights, keyed by this block's parameter paths ({@code attention.W_q}, …). */
    public Tensor forward(Map<String, Tensor> weights, Tensor x, Tensor mask) {
        Map<String, Tensor> wAtt = Weights.under(weights, "attention");
        Map<String, Tensor> wNorm1 = Weights.under(weights, "norm1");
        Map<String, Tensor> wNorm2 = Weights.under(weights, "norm2");
        return forwardThrough(x, new Parts() {
            @Override
            public Tensor attention(Tensor z) {
                return attention.forward(wAtt, z, mask).y();
            }

            @Override
            public Tensor norm1(Tensor z) {
                return norm1.forward(wNorm1, z);
            }

            @Override
            public Tensor feedForward(Tensor z) {
                return TransformerBlock.this.feedForward(weights, z);
            }

            @Override
            public Tensor norm2(Tensor z) {
                return norm2.forward(wNorm2, z);
            }
        });
    }

    /** The block's formula (post- or pre-norm, with its dropouts) over the given parts. */
    public Tensor forwardThrough(Tensor x, Parts parts) {
        if (preNorm) {
            Tensor y1 = x.add(dropAttention.forward(parts.attention(parts.norm1(x))));
            return y1.add(dropFeedForward.forward(parts.feedForward(parts.norm2(y1))));
        }
        Tensor y1 = parts.norm1(x.add(dropAttention.forward(parts.attention(x))));
        return parts.norm2(y1.add(dropFeedForward.forward(parts.feedForward(y1))));
    }

    public MultiHeadAttention attention() {
        return attention;
    }

    public LayerNorm norm1() {
        return norm1;
    }

    /** The feed-forward network's first layer (W_1, b_1, relu). */
    public Dense ff1() {
        return ff1;
    }

    /** The feed-forward network's second layer (W_2, b_2, linear). */
    public Dense ff2() {
        return ff2;
    }

    public LayerNorm norm2() {
        return norm2;
    }

    /**
     * The block's output at the last step only, [B, 1, d], from x [B, T, d]: the same as the last step of
     * {@link #forward(Map, Tensor, Tensor)} when the attention is causal (no later step reaches it), with one
     * query instead of T and the feed-forward network on one step. What a model serving a history needs from its
     * last block.
     */
    public Tensor forwardLast(Map<String, Tensor> weights, Tensor x, Tensor mask) {
        Map<String, Tensor> wAtt = Weights.under(weights, "attention");
        Map<String, Tensor> wNorm1 = Weights.under(weights, "norm1");
        Map<String, Tensor> wNorm2 = Weights.under(weights, "norm2");
        int steps = x.shape(1);
        Tensor last = x.narrow(1, steps - 1, 1);
        if (preNorm) {
            Tensor n = norm1.forward(wNorm1, x);
            Tensor a = attention.forward(wAtt, n.narrow(1, steps - 1, 1), n, mask, UnaryOperator.identity()).y();
            Tensor y1 = last.add(dropAttention.forward(a));
            return y1.add(dropFeedForward.forward(feedForward(weights, norm2.forward(wNorm2, y1))));
        }
        Tensor a = attention.forward(wAtt, last, x, mask, UnaryOperator.identity()).y();
        Tensor y1 = norm1.forward(wNorm1, last.add(dropAttention.forward(a)));
        return norm2.forward(wNorm2, y1.add(dropFeedForward.forward(feedForward(weights, y1))));
    }

    private Tensor feedForward(Map<String, Tensor> weights, Tensor z) {
        return ff2.forward(Weights.under(weights, "ff2"), ff1.forward(Weights.under(weights, "ff1"), z));
    }

    /**
     * Renames the golden format's flat parameter names (W_q …, gamma_1, W_1 …) to this block's paths.
     */
    public static Map<String, String> goldenNames() {
        return Map.ofEntries(Map.entry("W_q", "attention.W_q"), Map.entry("W_k", "attention.W_k"),
                Map.entry("W_v", "attention.W_v"), Map.entry("W_o", "attention.W_o"),
                Map.entry("b_q", "attention.b_q"), Map.entry("b_k", "attention.b_k"),
                Map.entry("b_v", "attention.b_v"), Map.entry("b_o", "attention.b_o"),
                Map.entry("gamma_1", "norm1.gamma"), Map.entry("beta_1", "norm1.beta"),
                Map.entry("W_1", "ff1.W"), Map.entry("b_1", "ff1.b"), Map.entry("W_2", "ff2.W"), Map.entry("b_2", "ff2.b"),
                Map.entry("gamma_2", "norm2.gamma"), Map.entry("beta_2", "norm2.beta"));
    }

    @Override
    public String type() {
        return "TransformerBlock";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>(attention.config());
        c.put("d_ff", dFf);
        c.put("pre_norm", preNorm);
        c.put("dropout", dropout);
        c.put("eps", eps);
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards, so the start is irrelevant. */
    public static TransformerBlock fromConfig(Map<String, Object> c) {
        Config k = new Config("TransformerBlock", c);
        return new TransformerBlock(k.getInt("d"), k.getInt("heads"), k.getInt("d_ff"), k.getBoolean("causal"),
                k.getBoolean("pre_norm"), k.getDouble("dropout"), k.getDouble("eps"), k.dtype(), new SplittableRandom(0));
    }
}
