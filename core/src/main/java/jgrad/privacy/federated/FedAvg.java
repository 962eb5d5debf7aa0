package jgrad.privacy.federated;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.autograd.Autograd;
import jgrad.data.Batches;
import jgrad.nn.loss.Loss;
import jgrad.optim.SGD;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/**
 * Federated averaging, simulated in one process (McMahan et al. 2017, Algorithm 1). Each round the server picks
 * max(1, ⌊C·K⌋) of the K clients at random; each starts from the global weights w, runs E epochs of SGD with
 * batches of B over its own examples only, and returns its weights w_k; the server sets
 * w ← Σ_k (n_k / Σ_j n_j) · w_k over the chosen clients. With E = 1 and B = the whole client (B = 0 here) one
 * local step is taken and averaging the weights averages the gradients: FedSGD. Clients' examples never leave
 * them: the server sees only their weights.
 */
public final class FedAvg {

    /**
     * @param clientFraction C, the fraction of clients in each round, in (0, 1]
     * @param localEpochs    E, at least 1
     * @param localBatch     B; 0 means the client's whole data in one batch
     * @param learningRate   the clients' SGD rate
     */
    public record Settings(double clientFraction, int localEpochs, int localBatch, double learningRate) {
        public Settings {
            if (!(clientFraction > 0 && clientFraction <= 1)) {
                throw new IllegalArgumentException("the client fraction C must be in (0, 1], got " + clientFraction);
            }
            if (localEpochs < 1 || localBatch < 0 || !(learningRate > 0)) {
                throw new IllegalArgumentException("need E ≥ 1, B ≥ 0 (0: whole client) and a positive rate, got E "
                        + localEpochs + ", B " + localBatch + ", rate " + learningRate);
            }
        }
    }

    private final Sequential model;
    private final Loss loss;
    private final Tensor x;
    private final Tensor y;
    private final int[][] clients;
    private final Settings settings;
    private final SplittableRandom random;
    private final SGD sgd;
    private int rounds;

    /**
     * @param model   the global model (its weights are the server's, updated after each round)
     * @param x       every client's examples, rows indexed by {@code clients}, on the model's device
     * @param clients each client's example rows; none may be empty
     */
    public FedAvg(Sequential model, Loss loss, Tensor x, Tensor y, int[][] clients, Settings settings, long seed) {
        for (int c = 0; c < clients.length; c++) {
            if (clients[c].length == 0) {
                throw new IllegalArgumentException("client " + c + " has no data");
            }
        }
        if (clients.length == 0) {
            throw new IllegalArgumentException("federated averaging needs at least one client");
        }
        this.model = model;
        this.loss = loss;
        this.x = x;
        this.y = y;
        this.clients = clients;
        this.settings = settings;
        this.random = new SplittableRandom(seed);
        this.sgd = new SGD(settings.learningRate());
        sgd.bind(model);
    }

    /** One round: local training on the chosen clients, then the weighted average. */
    public void round() {
        int m = Math.max(1, (int) Math.floor(settings.clientFraction() * clients.length));
        int[] chosen = Arrays.copyOf(Batches.permutation(clients.length, random), m);
        Map<String, Tensor> global = snapshot();
        long total = 0;
        for (int c : chosen) {
            total += clients[c].length;
        }
        Map<String, Tensor> sum = new LinkedHashMap<>();
        for (int c : chosen) {
            load(global);
            trainLocally(clients[c]);
            double weight = (double) clients[c].length / total;
            try (var ignored = Autograd.noGrad()) {
                model.parameters().forEach((name, p) -> {
                    Tensor part = p.detach().mul(weight);
                    sum.merge(name, part, Tensor::add);
                });
            }
        }
        load(sum);
        rounds++;
    }

    public int rounds() {
        return rounds;
    }

    private void trainLocally(int[] rows) {
        int batch = settings.localBatch() == 0 ? rows.length : settings.localBatch();
        for (int e = 0; e < settings.localEpochs(); e++) {
            for (int[] b : Batches.shuffled(rows.length, batch, random)) {
                int[] ids = new int[b.length];
                for (int i = 0; i < b.length; i++) {
                    ids[i] = rows[b[i]];
                }
                sgd.zeroGrad();
                loss.compute(model.forward(take(x, ids)), take(y, ids)).backward();
                sgd.step();
            }
        }
    }

    private static Tensor take(Tensor t, int[] ids) {
        int[] shape = t.shape().clone();
        int rowLength = t.numel() / shape[0];
        shape[0] = ids.length;
        return t.reshape(t.shape(0), rowLength).gatherRows(ids, ids.length).reshape(shape);
    }

    private Map<String, Tensor> snapshot() {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> copy.put(name, p.detach().copy()));
        return copy;
    }

    private void load(Map<String, Tensor> weights) {
        model.parameters().forEach((name, p) -> p.copyFrom(weights.get(name)));
    }
}
