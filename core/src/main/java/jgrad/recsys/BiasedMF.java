package jgrad.recsys;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import jgrad.nn.Weights;
import jgrad.nn.Config;
import jgrad.nn.init.Initializers;
import jgrad.nn.layers.Dot;
import jgrad.nn.layers.Embedding;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * Biased matrix factorization (Koren, Bell and Volinsky 2009):
 * <pre>
 *   r̂(u, i) = μ + b_u + b_i + p_u · q_i
 * </pre>
 * μ is the mean training rating, fixed (a constant of the model, not a parameter); b_u, b_i are learned
 * biases (start 0), p_u, q_i learned d-wide factors (start U(−0.05, 0.05)). An L2 penalty is applied by
 * the optimizer ({@link #PENALIZED}) to every row at every step (as weight decay does, which shrinks
 * the rows of rarely rated movies more); with a {@link jgrad.optim.Optimizer#lazy lazy} optimizer and
 * {@code sparse} tables, to the rows of each batch only (as per-rating stochastic-gradient MF does).
 * {@code sparse} alone changes only the cost of the backward pass, not the step.
 */
public final class BiasedMF extends PairModel {

    public static final String TYPE = "BiasedMF";

    /** The parameters an L2 penalty applies to: all of them (factors and biases). */
    public static final Predicate<String> PENALIZED = name -> name.endsWith("W_emb");

    private final int d;
    private final double mu;
    private final boolean sparse;
    private final Embedding user;
    private final Embedding item;
    private final Embedding userBias;
    private final Embedding itemBias;
    private final Dot dot = new Dot();

    public BiasedMF(int numUsers, int numItems, int d, double mu, boolean sparse, DType dtype, RandomGenerator rng) {
        super(numUsers, numItems);
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("BiasedMF: the global mean μ must be finite, got " + mu);
        }
        this.d = d;
        this.mu = mu;
        this.sparse = sparse;
        this.user = child("user", new Embedding(numUsers, d, dtype, rng, Initializers.uniform(0.05), sparse));
        this.item = child("item", new Embedding(numItems, d, dtype, rng, Initializers.uniform(0.05), sparse));
        this.userBias = child("user_bias", new Embedding(numUsers, 1, dtype, rng, Initializers.zeros(), sparse));
        this.itemBias = child("item_bias", new Embedding(numItems, 1, dtype, rng, Initializers.zeros(), sparse));
    }

    @Override
    public Tensor score(Map<String, Tensor> w, int[] users, int[] items) {
        Tensor p = user.lookup(Weights.under(w, "user"), users);
        Tensor q = item.lookup(Weights.under(w, "item"), items);
        Tensor bu = userBias.lookup(Weights.under(w, "user_bias"), users);
        Tensor bi = itemBias.lookup(Weights.under(w, "item_bias"), items);
        return dot.forward(p, q).add(bu).add(bi).add(mu);
    }

    public double mu() {
        return mu;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected void putSizes(Map<String, Object> c) {
        c.put("d", d);
        c.put("mu", mu);
        c.put("sparse", sparse);
    }

    public static BiasedMF fromConfig(Map<String, Object> map) {
        Config c = new Config(TYPE, map);
        return new BiasedMF(c.getInt("users"), c.getInt("items"), c.getInt("d"), c.getDouble("mu"), c.getBoolean("sparse"),
                c.dtype(), new SplittableRandom(0));
    }
}
