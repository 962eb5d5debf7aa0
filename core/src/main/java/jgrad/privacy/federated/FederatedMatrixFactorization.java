package jgrad.privacy.federated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.autograd.Autograd;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.data.Batches;
import jgrad.data.Ratings;
import jgrad.nn.loss.Losses;
import jgrad.optim.Optimizer;
import jgrad.optim.Regularizer;
import jgrad.optim.SGD;
import jgrad.recsys.BiasedMF;
import jgrad.tensor.Tensor;

/**
 * Federated biased matrix factorization with every user a client (federated collaborative filtering,
 * Ammad-ud-din et al. 2019, trained by FedAvg, McMahan et al. 2017). The model is
 * r̂(u, i) = μ + b_u + b_i + p_u · q_i ({@link BiasedMF}). A user's row p_u and bias b_u live on the user's device
 * and never leave it; the item tables q and b_i are the server's. Each round the server picks max(1, ⌊C·K⌋) of the
 * K users who have ratings; each starts from the global item tables, runs E epochs of SGD with batches of B over
 * its own ratings (updating its own row and the item tables; an L2 penalty on the rows a batch reads), and sends
 * only the change of the item tables, Δ_k; the server moves the item tables by η_s · Σ_k n_k Δ_k / Σ_k n_k
 * (η_s = 1 is plain FedAvg). μ, the mean training rating, is treated as known to all.
 */
public final class FederatedMatrixFactorization {

    /** The parameters the server holds and receives updates of; all others stay with their user. */
    public static final List<String> SHARED = List.of("item.W_emb", "item_bias.W_emb");

    /**
     * @param clientFraction C in (0, 1]
     * @param localEpochs    E ≥ 1
     * @param localBatch     B; 0 means all of a user's ratings in one batch
     * @param learningRate   the clients' SGD rate
     * @param l2             the L2 penalty on the rows each batch reads
     * @param serverRate     η_s, the server's step on the averaged change
     */
    public record Settings(double clientFraction, int localEpochs, int localBatch, double learningRate, double l2,
                           double serverRate) {
        public Settings {
            if (!(clientFraction > 0 && clientFraction <= 1)) {
                throw new IllegalArgumentException("the client fraction C must be in (0, 1], got " + clientFraction);
            }
            if (localEpochs < 1 || localBatch < 0 || !(learningRate > 0) || !(l2 >= 0) || !(serverRate > 0)) {
                throw new IllegalArgumentException("need E ≥ 1, B ≥ 0, positive rates and L2 ≥ 0, got E " + localEpochs
                        + ", B " + localBatch + ", rate " + learningRate + ", L2 " + l2 + ", server rate " + serverRate);
            }
        }
    }

    /** What the server received in one round: each chosen client's item-table change, by parameter name. */
    public record Received(List<Map<String, Tensor>> updates) { }

    private final BiasedMF model;
    private final Settings settings;
    private final int[][] ratingsOf;
    private final int[] clients;
    private final Ratings train;
    private final Tensor targets;
    private final Optimizer sgd;
    private final SplittableRandom random;

    /** The users with ratings in {@code train} are the clients; the model starts from {@code seed}. */
    public FederatedMatrixFactorization(Ratings train, int numUsers, int numItems, int factors, Settings settings,
                                        Device device, long seed) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("federated MF: no training ratings, so no client has data");
        }
        this.train = train;
        this.settings = settings;
        this.model = new BiasedMF(numUsers, numItems, factors, train.meanRating(), true, DType.F32,
                new SplittableRandom(seed));
        model.to(device);
        this.targets = Tensor.of(train.ratings(), train.size(), 1).to(device);
        this.ratingsOf = byUser(train, numUsers);
        this.clients = java.util.stream.IntStream.range(0, numUsers).filter(u -> ratingsOf[u].length > 0).toArray();
        this.sgd = new SGD(settings.learningRate()).lazy(true);
        sgd.regularize(Regularizer.l2(settings.l2()));
        sgd.bind(model);
        this.random = new SplittableRandom(seed + 1);
    }

    /** One round; returns what the server received (item-table changes only). */
    public Received round() {
        int m = Math.max(1, (int) Math.floor(settings.clientFraction() * clients.length));
        int[] order = Batches.permutation(clients.length, random);
        Map<String, Tensor> global = sharedSnapshot();
        Map<String, Tensor> sum = new LinkedHashMap<>();
        global.forEach((name, t) -> sum.put(name, Tensor.zeros(t.device(), t.dtype(), t.shape())));
        List<Map<String, Tensor>> received = new ArrayList<>();
        long total = 0;
        for (int k = 0; k < m; k++) {
            int user = clients[order[k]];
            loadShared(global);
            trainLocally(ratingsOf[user]);
            Map<String, Tensor> change = new LinkedHashMap<>();
            try (var ignored = Autograd.noGrad()) {
                global.forEach((name, g) -> change.put(name, model.parameters().get(name).detach().sub(g)));
                double n = ratingsOf[user].length;
                change.forEach((name, d) -> sum.put(name, sum.get(name).add(d.mul(n))));
            }
            total += ratingsOf[user].length;
            received.add(change);
        }
        double scale = settings.serverRate() / total;
        Map<String, Tensor> next = new LinkedHashMap<>();
        try (var ignored = Autograd.noGrad()) {
            global.forEach((name, g) -> next.put(name, g.add(sum.get(name).mul(scale))));
        }
        loadShared(next);
        return new Received(received);
    }

    /**
     * The central model for comparison: the same model, optimizer and batches of B trained on all the ratings in
     * one place for {@code epochs} epochs.
     */
    public static BiasedMF central(Ratings train, int numUsers, int numItems, int factors, Settings settings, int epochs,
                                   Device device, long seed) {
        BiasedMF m = new BiasedMF(numUsers, numItems, factors, train.meanRating(), true, DType.F32,
                new SplittableRandom(seed));
        m.to(device);
        Optimizer opt = new SGD(settings.learningRate()).lazy(true);
        opt.regularize(Regularizer.l2(settings.l2()));
        m.compile(opt, Losses::mse);
        int batch = settings.localBatch() == 0 ? train.size() : settings.localBatch();
        m.fit(jgrad.recsys.PairModel.inputs(train.users(), train.items()), Tensor.of(train.ratings(), train.size(), 1),
                jgrad.train.Fit.epochs(epochs).batchSize(batch).seed(seed + 1).verbose(0));
        return m;
    }

    /** The model: the server's item tables and, in the user tables, every user's own row (as held on the clients). */
    public BiasedMF model() {
        return model;
    }

    /** How many users are clients (those with ratings). */
    public int clientCount() {
        return clients.length;
    }

    private void trainLocally(int[] rows) {
        int batch = settings.localBatch() == 0 ? rows.length : settings.localBatch();
        for (int e = 0; e < settings.localEpochs(); e++) {
            for (int[] part : Batches.shuffled(rows.length, batch, random)) {
                int[] ids = new int[part.length];
                int[] users = new int[part.length];
                int[] items = new int[part.length];
                for (int i = 0; i < part.length; i++) {
                    ids[i] = rows[part[i]];
                    users[i] = train.users()[ids[i]];
                    items[i] = train.items()[ids[i]];
                }
                sgd.zeroGrad();
                Tensor y = targets.gatherRows(ids, ids.length);
                Losses.mse(model.score(model.parameters(), users, items), y).backward();
                sgd.step();
            }
        }
    }

    private Map<String, Tensor> sharedSnapshot() {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        for (String name : SHARED) {
            copy.put(name, model.parameters().get(name).detach().copy());
        }
        return copy;
    }

    private void loadShared(Map<String, Tensor> weights) {
        weights.forEach((name, w) -> model.parameters().get(name).copyFrom(w));
    }

    private static int[][] byUser(Ratings r, int numUsers) {
        int[] count = new int[numUsers];
        for (int u : r.users()) {
            if (u < 0 || u >= numUsers) {
                throw new IllegalArgumentException("federated MF: a rating's user index is outside [0, " + numUsers + ")");
            }
            count[u]++;
        }
        int[][] out = new int[numUsers][];
        for (int u = 0; u < numUsers; u++) {
            out[u] = new int[count[u]];
        }
        int[] fill = new int[numUsers];
        for (int i = 0; i < r.size(); i++) {
            out[r.users()[i]][fill[r.users()[i]]++] = i;
        }
        return out;
    }
}
