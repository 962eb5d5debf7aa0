package jgrad.bench.models;

import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Activation;
import jgrad.nn.init.Initializers;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Embedding;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * The peer script's NCF/MLP recommender: ŷ = W₂ relu(W₁ [u_emb ; i_emb] + b₁) + b₂ with 64-wide user and
 * item embeddings over MovieLens 100K's 943 users and 1,682 items, hidden 128, built from jgrad's layers.
 */
final class NcfModel extends RatingModel {

    final Embedding users;
    final Embedding items;
    final Dense hidden;
    final Dense out;
    private final Map<String, Tensor> userWeights;
    private final Map<String, Tensor> itemWeights;

    /** @param sparse row-sparse embedding gradients or dense ones (PyTorch's default) */
    NcfModel(RandomGenerator rng, boolean sparse) {
        users = child("users", new Embedding(RatingBatches.USERS, 64, DType.F32, rng, Initializers.uniform(0.05), sparse));
        items = child("items", new Embedding(RatingBatches.ITEMS, 64, DType.F32, rng, Initializers.uniform(0.05), sparse));
        hidden = child("hidden", new Dense(128, 128, Activation.RELU, rng));
        out = child("out", new Dense(128, 1, Activation.LINEAR, rng));
        userWeights = users.parameters();
        itemWeights = items.parameters();
    }

    @Override
    Tensor forward(int[] u, int[] i) {
        Tensor h = Tensor.concat(1, users.lookup(userWeights, u), items.lookup(itemWeights, i));
        return out.forward(hidden.forward(h)).reshape(u.length);
    }
}
