package jgrad.ctr;

import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Weights;
import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Embedding;
import jgrad.tensor.Tensor;

/**
 * Logistic regression on the features of {@link DinModel}: one-hot user, one-hot candidate, the candidate's
 * genre row g_c, the history as a mean of one-hot items and the mean of their genre rows,
 * <pre>
 *   z = w_user[u] + w_item[c] + w_gᵀ g_c + b + (1/T) Σ_t (w_hist[h_t] + w_hgᵀ g_{h_t}) + b_h
 * </pre>
 * (a history item has its own weight, apart from the same item as candidate). P(click) = σ(z).
 */
public final class LogisticCtr extends CtrModel {

    private final int users;
    private final int items;
    private final int genreCount;
    private final Embedding user;
    private final Embedding item;
    private final Embedding historyItem;
    private final Dense genre;
    private final Dense historyGenre;
    private final Tensor itemGenres;

    public LogisticCtr(int users, ItemGenres genres, DType dtype, RandomGenerator rng) {
        this.users = users;
        this.items = genres.itemIds();
        this.genreCount = genres.genreCount();
        user = child("user", new Embedding(users, 1, dtype, rng));
        item = child("item", new Embedding(items, 1, dtype, rng));
        historyItem = child("history", new Embedding(items, 1, dtype, rng));
        genre = child("genre", new Dense(genreCount, 1, Activation.LINEAR, dtype, rng));
        historyGenre = child("history_genre", new Dense(genreCount, 1, Activation.LINEAR, dtype, rng));
        itemGenres = buffer("item_genres", Tensor.of(genres.flat(), items, genreCount).to(dtype));
    }

    @Override
    public Tensor logits(Map<String, Tensor> w, CtrBatch batch) {
        checkIds("user", batch.users(), users);
        checkIds("item", batch.items(), items);
        checkIds("item", batch.history(), items);
        int b = batch.size();
        int t = batch.steps();
        Tensor mean = batch.meanWeights().to(itemGenres.dtype()).unsqueeze(1);
        Tensor z = user.lookup(Weights.under(w, "user"), batch.users(), b)
                .add(item.lookup(Weights.under(w, "item"), batch.items(), b))
                .add(genre.forward(Weights.under(w, "genre"), itemGenres.gatherRows(batch.items(), b)));
        Tensor historyIds = mean.matmul(historyItem.lookup(Weights.under(w, "history"), batch.history(), b, t)).squeeze(1);
        Tensor historyGenres = mean.matmul(itemGenres.gatherRows(batch.history(), b, t)).squeeze(1);
        return z.add(historyIds).add(historyGenre.forward(Weights.under(w, "history_genre"), historyGenres));
    }

    @Override
    public Map<String, IdKind> embeddingTables() {
        return Map.of("user.W_emb", IdKind.USER, "item.W_emb", IdKind.ITEM, "history.W_emb", IdKind.ITEM);
    }
}
