package jgrad.privacy.federated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.autograd.Autograd;
import jgrad.backend.Device;
import jgrad.nn.loss.Loss;
import jgrad.privacy.dp.RdpAccountant;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/**
 * Differentially private federated averaging (McMahan, Ramage, Talwar and Zhang, "Learning Differentially Private
 * Recurrent Language Models", ICLR 2018, DP-FedAvg with the fixed-denominator estimator and equal client weights).
 * Each round every one of the K clients joins with probability q; a client trains locally from the global
 * weights w (E epochs of SGD, batches of B) and its update Δ_k = w_k − w is clipped to norm S,
 * Δ_k·min(1, S/‖Δ_k‖); the server adds Gaussian noise N(0, z²S²) to the sum and moves
 * w ← w + (Σ_k clipped Δ_k + noise) / (qK). One client changes the sum by at most S, so each round is a
 * Poisson-subsampled Gaussian mechanism with noise multiplier z and rate q, and the {@link RdpAccountant}
 * gives (ε, δ) per client (user-level privacy: all of a client's data at once). With {@link SecureAggregation}
 * the clipped updates reach the server only masked, and it sees their sum alone.
 */
public final class DpFedAvg {

    /**
     * @param clientRate      q, the probability that a client joins a round, in (0, 1]
     * @param localEpochs     E, at least 1
     * @param localBatch      B; 0 means the client's whole data in one batch
     * @param learningRate    the clients' SGD rate
     * @param clipNorm        S, the largest norm of one client's update
     * @param noiseMultiplier z: the server's noise has standard deviation zS
     */
    public record Settings(double clientRate, int localEpochs, int localBatch, double learningRate, double clipNorm,
                           double noiseMultiplier) {
        public Settings {
            if (!(clientRate > 0 && clientRate <= 1)) {
                throw new IllegalArgumentException("the client rate q must be in (0, 1], got " + clientRate);
            }
            if (localEpochs < 1 || localBatch < 0 || !(learningRate > 0)) {
                throw new IllegalArgumentException("need E ≥ 1, B ≥ 0 (0: whole client) and a positive rate, got E "
                        + localEpochs + ", B " + localBatch + ", rate " + learningRate);
            }
            if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
                throw new IllegalArgumentException("the clip norm S must be positive and finite, got " + clipNorm);
            }
            if (!(noiseMultiplier >= 0) || Double.isInfinite(noiseMultiplier)) {
                throw new IllegalArgumentException("the noise multiplier z must be ≥ 0 and finite, got " + noiseMultiplier);
            }
        }
    }

    private final Sequential model;
    private final int[][] clients;
    private final Settings settings;
    private final SplittableRandom random;
    private final LocalTraining local;
    private final SecureAggregation secure;
    private final long noiseSeed;
    private final RdpAccountant accountant = new RdpAccountant();
    private final List<long[]> lastMasked = new ArrayList<>();
    private long noiseOffset;
    private int rounds;

    /**
     * @param secure the masking the updates travel under, or null to send them in the clear
     * @param seed   the seed of the client sampling, the local batches and the server's noise
     */
    public DpFedAvg(Sequential model, Loss loss, Tensor x, Tensor y, int[][] clients, Settings settings,
                    SecureAggregation secure, long seed) {
        LocalTraining.checkClients(clients);
        this.model = model;
        this.clients = clients;
        this.settings = settings;
        this.random = new SplittableRandom(seed);
        this.noiseSeed = seed + 1;
        this.secure = secure;
        this.local = new LocalTraining(model, loss, x, y, settings.learningRate());
    }

    /** One round; returns how many clients took part (a Poisson count, possibly 0: then the step is noise alone). */
    public int round() {
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < clients.length; c++) {
            if (random.nextDouble() < settings.clientRate()) {
                chosen.add(c);
            }
        }
        Map<String, Tensor> global = local.snapshot();
        Map<String, Tensor> sum = new LinkedHashMap<>();
        global.forEach((name, w) -> sum.put(name, Tensor.zeros(w.device(), w.dtype(), w.shape())));
        lastMasked.clear();
        boolean masked = secure != null && chosen.size() >= 2;
        for (int position = 0; position < chosen.size(); position++) {
            local.load(global);
            local.train(clients[chosen.get(position)], settings.localEpochs(), settings.localBatch(), random);
            Map<String, Tensor> update = clippedUpdate(global);
            if (masked) {
                lastMasked.add(secure.mask(position, chosen.size(), rounds, flatten(update)));
            } else {
                update.forEach((name, d) -> sum.put(name, sum.get(name).add(d)));
            }
        }
        if (masked) {
            unflatten(secure.sum(lastMasked), sum);
        }
        Map<String, Tensor> next = new LinkedHashMap<>();
        double scale = 1 / (settings.clientRate() * clients.length);
        try (var ignored = Autograd.noGrad()) {
            sum.forEach((name, s) -> next.put(name, global.get(name).add(noisy(s).mul(scale))));
        }
        local.load(next);
        if (settings.noiseMultiplier() > 0) {
            accountant.step(settings.clientRate(), settings.noiseMultiplier(), 1);
        }
        rounds++;
        return chosen.size();
    }

    /** Δ = w_k − w over all parameters, scaled by min(1, S/‖Δ‖). */
    private Map<String, Tensor> clippedUpdate(Map<String, Tensor> global) {
        Map<String, Tensor> delta = new LinkedHashMap<>();
        try (var ignored = Autograd.noGrad()) {
            model.parameters().forEach((name, p) -> delta.put(name, p.detach().sub(global.get(name))));
            double squared = 0;
            for (Tensor d : delta.values()) {
                squared += d.mul(d).sum().to(Device.CPU).item();
            }
            double factor = Math.min(1, settings.clipNorm() / Math.sqrt(squared));
            delta.replaceAll((name, d) -> d.mul(factor));
        }
        return delta;
    }

    private Tensor noisy(Tensor sum) {
        Tensor g = sum.contiguous();
        if (settings.noiseMultiplier() > 0) {
            g.backend().addGaussian(g.numel(), noiseSeed, noiseOffset, settings.noiseMultiplier() * settings.clipNorm(),
                    g.storage(), g.offset());
            noiseOffset += g.numel();
        }
        return g;
    }

    /** The update as it leaves the client: its numbers, parameter after parameter, on the host. */
    private static double[] flatten(Map<String, Tensor> update) {
        List<double[]> parts = new ArrayList<>();
        int n = 0;
        for (Tensor t : update.values()) {
            double[] v = t.to(Device.CPU).toDoubleArray();
            parts.add(v);
            n += v.length;
        }
        double[] flat = new double[n];
        int at = 0;
        for (double[] v : parts) {
            System.arraycopy(v, 0, flat, at, v.length);
            at += v.length;
        }
        return flat;
    }

    private static void unflatten(double[] flat, Map<String, Tensor> into) {
        int at = 0;
        for (Map.Entry<String, Tensor> e : into.entrySet()) {
            Tensor t = e.getValue();
            double[] part = java.util.Arrays.copyOfRange(flat, at, at + t.numel());
            at += t.numel();
            e.setValue(Tensor.of(part, t.shape()).to(t.dtype()).to(t.device()));
        }
    }

    /** The masked updates the server received in the last round (empty without secure aggregation). */
    public List<long[]> lastMaskedUpdates() {
        return List.copyOf(lastMasked);
    }

    /** The privacy spent per client so far at {@code delta}: ε is infinite without noise. */
    public RdpAccountant.Spent spent(double delta) {
        if (settings.noiseMultiplier() == 0) {
            return new RdpAccountant.Spent(Double.POSITIVE_INFINITY, Double.NaN);
        }
        return accountant.spent(delta);
    }

    public int rounds() {
        return rounds;
    }
}
