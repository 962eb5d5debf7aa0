package jgrad.nn.layers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import jgrad.nn.Config;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.nn.init.Initializers;
import jgrad.backend.DType;
import jgrad.kernels.AttentionKernel;
import jgrad.tensor.Tensor;

/**
 * Attention over a sequence (article 002 §4.3): for x_1 … x_T [B, T, d] and a query h [B, q],
 * <pre>
 *   e_t = score(x_t, h),   α_t = exp(e_t) / Σ_i exp(e_i),   c = Σ_t α_t x_t
 * </pre>
 * with score {@code dot}: x_tᵀ h (q = d); {@code general}: x_tᵀ W h, W [d, q];
 * {@code mlp}: vᵀ tanh(W_x x_t + W_h h + b), W_x [a, d], W_h [a, q], b [a], v [a].
 * An optional mask [B, T] (1 keep, 0 drop) gives α_t = 0 at dropped positions (padding of a
 * behaviour sequence) and runs the softmax over the kept ones; a row with nothing kept gets α = 0, c = 0.
 * The dot and general scores run as one fused op ({@link AttentionKernel}); {@link #forwardUnfused}
 * is the same formula as a composition of tensor ops, kept as the reference.
 *
 * <p>As a {@link Layer} (one stage of a {@code Sequential}), {@link #forward(Tensor)} pools x with its own last
 * vector as the query, h = x_T (so q = d), and returns c [B, d]: the attention of NARM (Li et al. 2017) over the
 * states of a recurrent or Transformer layer, where the last state asks which earlier ones matter.
 */
public final class Attention extends Module implements Layer {

    /** The scoring functions. */
    public enum Score { DOT, GENERAL, MLP }

    /** The weights α [B, T] and the context c [B, d]. */
    public record Output(Tensor alpha, Tensor c) {
    }

    /** Stands in for −∞ before the softmax: its exponent is exactly 0 beside any kept score. */
    static final double DROPPED = -1e30;

    private final Score score;
    private final int d;
    private final int q;
    private final int a;

    /** dot attention over vectors of size d (the query has size d too). */
    public Attention(int d) {
        this(Score.DOT, d, d, 0, DType.F32, null);
    }

    /** @param a the hidden size of the mlp score (ignored by dot and general) */
    public Attention(Score score, int d, int q, int a, DType dtype, RandomGenerator rng) {
        if (d <= 0 || q <= 0 || (score == Score.MLP && a <= 0) || (score == Score.DOT && q != d)) {
            throw new IllegalArgumentException("Attention(" + label(score) + "): bad sizes d=" + d + ", q=" + q
                    + ", a=" + a + " (dot needs q = d, mlp needs a > 0)");
        }
        this.score = score;
        this.d = d;
        this.q = q;
        this.a = a;
        if (score == Score.GENERAL) {
            param("W", Initializers.glorotUniform().create(rng, dtype, d, q));
        } else if (score == Score.MLP) {
            param("W_x", Initializers.glorotUniform().create(rng, dtype, a, d));
            param("W_h", Initializers.glorotUniform().create(rng, dtype, a, q));
            param("b", Tensor.zeros(dtype, a));
            param("v", Initializers.glorotUniform().create(rng, dtype, a));
        }
    }

    public static Score parseScore(String name) {
        try {
            return Score.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Attention: unknown score '" + name + "' (known: dot, general, mlp)");
        }
    }

    public Output forward(Tensor x, Tensor h, Tensor mask) {
        return forward(parameters(), x, h, mask);
    }

    /** c [B, d] of x [B, T, d] with the query h = x_T, its last vector ({@link #lastQuery}); needs q = d. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, lastQuery(x), null).c();
    }

    /** x_T [B, d], the last vector of each sequence x [B, T, d]: the query of the layer form. */
    public Tensor lastQuery(Tensor x) {
        if (q != d) {
            throw new IllegalArgumentException(name() + ": as a layer it takes its query from the sequence's last"
                    + " vector, so the query size q must equal d");
        }
        Inputs.require(name(), "x", x, -1, -1, d);
        if (x.shape(1) == 0) {
            throw new IllegalArgumentException(name() + ": an empty sequence has no last vector to ask with");
        }
        return x.narrow(1, x.shape(1) - 1, 1).reshape(x.shape(0), d);
    }

    /**
     * α and c with the given weights; {@code mask} may be null (keep every position). The dot and
     * general scores run as one fused op ({@link AttentionKernel}), with the query W h for general.
     */
    public Output forward(Map<String, Tensor> weights, Tensor x, Tensor h, Tensor mask) {
        checkInputs(x, h, mask);
        if (score == Score.MLP) {
            return forwardUnfused(weights, x, h, mask);
        }
        Tensor query = score == Score.DOT ? h : h.matmul(new Weights(name(), weights).get("W", d, q), false, true);
        return attend(x, query, mask);
    }

    /**
     * The dot pooling of x [B, T, d] with a query already in x's space [B, d] (the general score's W h), as one
     * fused op: e_t = x_t · query. DP-SGD reads the general score's per-example gradients through it.
     */
    public Output attend(Tensor x, Tensor query, Tensor mask) {
        Inputs.require(name(), "query", query, x.shape(0), d);
        Tensor pooled = AttentionKernel.run(x, query, mask == null ? null : mask.detach().to(x.dtype()));
        int steps = x.shape(1);
        return new Output(pooled.narrow(1, 0, steps), pooled.narrow(1, steps, d));
    }

    /**
     * The formula as a composition of tensor ops: the reference the fused op is tested against, and
     * the mlp score's forward.
     */
    public Output forwardUnfused(Map<String, Tensor> weights, Tensor x, Tensor h, Tensor mask) {
        checkInputs(x, h, mask);
        return pool(x, scores(new Weights(name(), weights), x, h), mask);
    }

    /**
     * α = softmax(e) over the kept positions and c = Σ_t α_t x_t, for scores e [B, T] computed elsewhere (DP-SGD
     * computes the mlp score with its probes and pools through this).
     */
    public Output pool(Tensor x, Tensor e, Tensor mask) {
        Tensor alpha;
        if (mask == null) {
            alpha = e.softmax(-1);
        } else {
            Tensor keep = mask.detach().to(x.dtype());
            alpha = Tensor.where(keep, e, Tensor.full(x.device(), x.dtype(), DROPPED)).softmax(-1).mul(keep);
        }
        Tensor c = alpha.unsqueeze(1).matmul(x).squeeze(1);
        return new Output(alpha, c);
    }

    private void checkInputs(Tensor x, Tensor h, Tensor mask) {
        Inputs.require(name(), "x", x, -1, -1, d);
        Inputs.require(name(), "h", h, x.shape(0), q);
        if (mask != null) {
            Inputs.require(name(), "mask", mask, x.shape(0), x.shape(1));
        }
        if (h.dtype() != x.dtype()) {
            throw new IllegalArgumentException(name() + ": x is " + x.dtype() + " but h is " + h.dtype());
        }
    }

    /** e [B, T]. */
    private Tensor scores(Weights w, Tensor x, Tensor h) {
        return switch (score) {
            case DOT -> x.matmul(h.unsqueeze(2)).squeeze(2);
            case GENERAL -> x.matmul(h.matmul(w.get("W", d, q), false, true).unsqueeze(2)).squeeze(2);
            case MLP -> {
                Tensor query = h.matmul(w.get("W_h", a, q), false, true).add(w.get("b", a)).unsqueeze(1);
                Tensor hidden = x.matmul(w.get("W_x", a, d), false, true).add(query).tanh();
                yield hidden.matmul(w.get("v", a).reshape(a, 1)).squeeze(2);
            }
        };
    }

    private static String label(Score s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private String name() {
        return "Attention(" + label(score) + ", d=" + d + ", q=" + q + (score == Score.MLP ? ", a=" + a : "") + ")";
    }

    public Score score() {
        return score;
    }

    /** The hidden size a of the mlp score (0 for dot and general). */
    public int hidden() {
        return a;
    }

    @Override
    public String type() {
        return "Attention";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("score", label(score));
        c.put("d", d);
        c.put("q", q);
        c.put("a", a);
        parameters().values().stream().findFirst().ifPresent(p -> c.put("dtype", Config.dtypeName(p.dtype())));
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards, so the start is irrelevant. */
    public static Attention fromConfig(Map<String, Object> c) {
        Config k = new Config("Attention", c);
        return new Attention(parseScore(k.getString("score")), k.getInt("d"), k.getInt("q"), k.getInt("a", 0),
                k.dtype(), new SplittableRandom(0));
    }
}
