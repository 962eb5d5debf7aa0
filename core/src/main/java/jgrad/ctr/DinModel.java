package jgrad.ctr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Weights;
import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.layers.Embedding;
import jgrad.tensor.Tensor;

/**
 * Deep Interest Network (Zhou et al. 2018) and its base model. An item i is e(i) = [E_item[i], G g_i], its
 * id's embedding beside the mean of its genres' embeddings (g_i: the item's row of {@link ItemGenres});
 * for user u, candidate c and history h_1 … h_T,
 * <pre>
 *   v = Σ_t w_t e(h_t),     z = MLP([E_user[u], e(c), v])
 * </pre>
 * with w_t from the {@link Pooling}: 1/T (the base model), DIN's local activation a_t =
 * {@link LocalActivationUnit}(e(h_t), e(c)), or softmax(a)_t. The MLP is dense layers of the configured
 * sizes and {@link Unit}, each followed by dropout, then one linear output; P(click) = σ(z).
 */
public final class DinModel extends CtrModel {

    /** Stands in for −∞ before the softmax over a padded history. */
    private static final double DROPPED = -1e30;

    private final DinConfig config;
    private final int users;
    private final int items;
    private final int genreCount;
    private final Embedding user;
    private final Embedding item;
    private final Dense genre;
    private final Tensor itemGenres;
    private final LocalActivationUnit attention;
    private final List<HiddenLayer> hidden = new ArrayList<>();
    private final List<Dropout> dropouts = new ArrayList<>();
    private final Dense out;

    /** Users 1 … users − 1 and the items of {@code genres}. */
    public DinModel(int users, ItemGenres genres, DinConfig config, DType dtype, RandomGenerator rng) {
        this.config = config;
        this.users = users;
        this.items = genres.itemIds();
        this.genreCount = genres.genreCount();
        int d = config.embedding();
        user = child("user", new Embedding(users, d, dtype, rng));
        item = child("item", new Embedding(items, d, dtype, rng));
        genre = child("genre", new Dense(genreCount, d, Activation.LINEAR, dtype, rng));
        itemGenres = buffer("item_genres", Tensor.of(genres.flat(), items, genreCount).to(dtype));
        attention = config.pooling() == Pooling.MEAN ? null
                : child("attention", new LocalActivationUnit(2 * d, config.attentionHidden(), config.attentionUnit(),
                        dtype, rng));
        int in = 5 * d;
        for (int k = 0; k < config.mlp().length; k++) {
            int width = config.mlp()[k];
            hidden.add(child("mlp" + k, new HiddenLayer(in, width, config.mlpUnit(), dtype, rng)));
            dropouts.add(child("dropout" + k, new Dropout(config.dropout(), rng)));
            in = width;
        }
        out = child("out", new Dense(in, 1, Activation.LINEAR, dtype, rng));
    }

    public DinConfig config() {
        return config;
    }

    @Override
    public Tensor logits(Map<String, Tensor> w, CtrBatch batch) {
        checkIds("user", batch.users(), users);
        checkIds("item", batch.items(), items);
        checkIds("item", batch.history(), items);
        int b = batch.size();
        Tensor u = user.lookup(Weights.under(w, "user"), batch.users(), b);
        Tensor candidate = itemVectors(w, batch.items(), b);
        Tensor history = itemVectors(w, batch.history(), b, batch.steps());
        Tensor pooled = historyWeights(w, history, candidate, batch).unsqueeze(1).matmul(history).squeeze(1);
        Tensor x = Tensor.concat(1, u, candidate, pooled);
        for (int k = 0; k < hidden.size(); k++) {
            x = dropouts.get(k).forward(hidden.get(k).forward(Weights.under(w, "mlp" + k), x));
        }
        return out.forward(Weights.under(w, "out"), x);
    }

    /** w [B, T]: the weight of each history item, zero on padding. */
    public Tensor historyWeights(Map<String, Tensor> w, Tensor history, Tensor candidate, CtrBatch batch) {
        if (config.pooling() == Pooling.MEAN) {
            return batch.meanWeights().to(history.dtype());
        }
        Tensor a = attention.forward(Weights.under(w, "attention"), history, candidate);
        Tensor mask = batch.mask().to(a.dtype());
        if (config.pooling() == Pooling.ATTENTION) {
            return a.mul(mask);
        }
        return Tensor.where(mask, a, Tensor.full(a.device(), a.dtype(), DROPPED)).softmax(-1).mul(mask);
    }

    /** e(i) = [E_item[i], G g_i] for ids of the given shape: [shape..., 2D]. */
    private Tensor itemVectors(Map<String, Tensor> w, int[] ids, int... shape) {
        Tensor idPart = item.lookup(Weights.under(w, "item"), ids, shape);
        Tensor genrePart = genre.forward(Weights.under(w, "genre"), itemGenres.gatherRows(ids, shape));
        return Tensor.concat(shape.length, idPart, genrePart);
    }

    @Override
    public Map<String, IdKind> embeddingTables() {
        return Map.of("user.W_emb", IdKind.USER, "item.W_emb", IdKind.ITEM);
    }
}
