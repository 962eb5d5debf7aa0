package jgrad.recsys;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import jgrad.nn.Weights;
import jgrad.nn.Config;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dot;
import jgrad.nn.layers.Embedding;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * The article-000 recommender: user and item embeddings, their dot product, then Dense(1):
 * <pre>
 *   r̂(u, i) = w · (p_u · q_i) + b,    p_u = row u of user.W_emb, q_i = row i of item.W_emb  (both d wide)
 * </pre>
 * trained on ratings with MSE. Keras's defaults: embeddings U(−0.05, 0.05), w Glorot-uniform, b = 0.
 */
public final class DotRecommender extends PairModel {

    public static final String TYPE = "DotRecommender";

    private final int d;
    private final Embedding user;
    private final Embedding item;
    private final Dot dot = new Dot();
    private final Dense out;

    public DotRecommender(int numUsers, int numItems, int d, DType dtype, RandomGenerator rng) {
        super(numUsers, numItems);
        this.d = d;
        this.user = child("user", new Embedding(numUsers, d, dtype, rng));
        this.item = child("item", new Embedding(numItems, d, dtype, rng));
        this.out = child("out", new Dense(1, 1, Activation.LINEAR, dtype, rng));
    }

    @Override
    public Tensor score(Map<String, Tensor> w, int[] users, int[] items) {
        Tensor p = user.lookup(Weights.under(w, "user"), users);
        Tensor q = item.lookup(Weights.under(w, "item"), items);
        return out.forward(Weights.under(w, "out"), dot.forward(p, q));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected void putSizes(Map<String, Object> c) {
        c.put("d", d);
    }

    public static DotRecommender fromConfig(Map<String, Object> map) {
        Config c = new Config(TYPE, map);
        return new DotRecommender(c.getInt("users"), c.getInt("items"), c.getInt("d"),
                c.dtype(), new SplittableRandom(0));
    }
}
