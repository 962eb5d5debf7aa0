package jgrad.recsys;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import jgrad.nn.Weights;
import jgrad.nn.Config;
import jgrad.nn.Activation;
import jgrad.nn.layers.Concat;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Embedding;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * The article-001 recommender: user and item embeddings, flattened and concatenated, then Dense(1):
 * <pre>
 *   r̂(u, i) = wᵀ [p_u ; q_i] + b,    p_u ∈ ℝ^{d_u}, q_i ∈ ℝ^{d_i}, w ∈ ℝ^{d_u + d_i}
 * </pre>
 * trained on ratings with MSE. Ids come as [B], so a lookup is already the [B, d] that Keras's Flatten
 * makes of its [B, 1, d]. Keras's defaults: embeddings U(−0.05, 0.05), w Glorot-uniform, b = 0.
 */
public final class ConcatRecommender extends PairModel {

    public static final String TYPE = "ConcatRecommender";

    private final int userDim;
    private final int itemDim;
    private final Embedding user;
    private final Embedding item;
    private final Concat concat = new Concat(-1);
    private final Dense out;

    public ConcatRecommender(int numUsers, int numItems, int userDim, int itemDim, DType dtype, RandomGenerator rng) {
        super(numUsers, numItems);
        this.userDim = userDim;
        this.itemDim = itemDim;
        this.user = child("user", new Embedding(numUsers, userDim, dtype, rng));
        this.item = child("item", new Embedding(numItems, itemDim, dtype, rng));
        this.out = child("out", new Dense(userDim + itemDim, 1, Activation.LINEAR, dtype, rng));
    }

    @Override
    public Tensor score(Map<String, Tensor> w, int[] users, int[] items) {
        Tensor p = user.lookup(Weights.under(w, "user"), users);
        Tensor q = item.lookup(Weights.under(w, "item"), items);
        return out.forward(Weights.under(w, "out"), concat.forward(p, q));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected void putSizes(Map<String, Object> c) {
        c.put("user_dim", userDim);
        c.put("item_dim", itemDim);
    }

    public static ConcatRecommender fromConfig(Map<String, Object> map) {
        Config c = new Config(TYPE, map);
        return new ConcatRecommender(c.getInt("users"), c.getInt("items"), c.getInt("user_dim"), c.getInt("item_dim"),
                c.dtype(), new SplittableRandom(0));
    }
}
