package jgrad.privacy.federated;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.autograd.Autograd;
import jgrad.data.Batches;
import jgrad.nn.loss.Loss;
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
    private final int[][] clients;
    private final Settings settings;
    private final SplittableRandom random;
    private final LocalTraining local;
    private int rounds;

    /**
     * @param model   the global model (its weights are the server's, updated after each round)
     * @param x       every client's examples, rows indexed by {@code clients}, on the model's device
     * @param clients each client's example rows; none may be empty
     */
    public FedAvg(Sequential model, Loss loss, Tensor x, Tensor y, int[][] clients, Settings settings, long seed) {
        LocalTraining.checkClients(clients);
        this.model = model;
        this.clients = clients;
        this.settings = settings;
        this.random = new SplittableRandom(seed);
        this.local = new LocalTraining(model, loss, x, y, settings.learningRate());
    }

    /** One round: local training on the chosen clients, then the weighted average. */
    public void round() {
        int m = Math.max(1, (int) Math.floor(settings.clientFraction() * clients.length));
        int[] chosen = Arrays.copyOf(Batches.permutation(clients.length, random), m);
        Map<String, Tensor> global = local.snapshot();
        long total = 0;
        for (int c : chosen) {
            total += clients[c].length;
        }
        Map<String, Tensor> sum = new LinkedHashMap<>();
        for (int c : chosen) {
            local.load(global);
            local.train(clients[c], settings.localEpochs(), settings.localBatch(), random);
            double weight = (double) clients[c].length / total;
            try (var ignored = Autograd.noGrad()) {
                model.parameters().forEach((name, p) -> {
                    Tensor part = p.detach().mul(weight);
                    sum.merge(name, part, Tensor::add);
                });
            }
        }
        local.load(sum);
        rounds++;
    }

    public int rounds() {
        return rounds;
    }
}
