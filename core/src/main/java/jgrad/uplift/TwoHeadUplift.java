package jgrad.uplift;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.autograd.Autograd;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.data.Batches;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * A neural two-head uplift model on the engine (in the manner of TARNet, Shalit, Johansson and Sontag 2017): a
 * shared representation h = relu(W_h x + b_h) and two logits, one per group, [s₀, s₁] = W_s h + b_s. A row
 * trains only the head of the group it was in: with the one-hot treatment e_t,
 * <pre>
 *   loss = mean BCE(σ(Σ_k e_{t,k} s_k), y),      τ̂(x) = σ(s₁(x)) − σ(s₀(x))
 * </pre>
 * Both heads share what predicts the outcome in either group, so the difference is learned from all rows.
 */
public final class TwoHeadUplift extends Module implements UpliftModel {

    private final Dense trunk;
    private final Dense heads;

    public TwoHeadUplift(int features, int hidden, RandomGenerator random) {
        this(features, hidden, DType.F32, random);
    }

    /** With parameters of {@code dtype} (F64 for gradient checks). */
    public TwoHeadUplift(int features, int hidden, DType dtype, RandomGenerator random) {
        if (features < 1 || hidden < 1) {
            throw new IllegalArgumentException("a two-head model needs features and hidden units, got " + features
                    + " and " + hidden);
        }
        trunk = child("trunk", new Dense(features, hidden, Activation.RELU, dtype, random));
        heads = child("heads", new Dense(hidden, 2, Activation.LINEAR, dtype, random));
    }

    /** [s₀, s₁] for every row of x ([n, features] → [n, 2]). */
    public Tensor logits(Tensor x) {
        return logits(parameters(), x);
    }

    /** The same with the given weights, named as in {@link #parameters()} ({@code trunk.W}, {@code heads.b}, …). */
    public Tensor logits(Map<String, Tensor> weights, Tensor x) {
        return heads.forward(part(weights, "heads."), trunk.forward(part(weights, "trunk."), x));
    }

    /** The loss of a batch: x [n, features], treatment one-hot [n, 2], outcome [n, 1]. */
    public Tensor loss(Tensor x, Tensor treatmentOneHot, Tensor outcome) {
        return loss(parameters(), x, treatmentOneHot, outcome);
    }

    /** The loss with the given weights. */
    public Tensor loss(Map<String, Tensor> weights, Tensor x, Tensor treatmentOneHot, Tensor outcome) {
        Tensor own = logits(weights, x).mul(treatmentOneHot).sum(1, true);
        return Losses.binaryCrossEntropy(own, outcome);
    }

    private static Map<String, Tensor> part(Map<String, Tensor> weights, String prefix) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        weights.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), v);
            }
        });
        return m;
    }

    /**
     * Trains a model on {@code data} on {@code device} with Adam (Keras defaults, learning rate {@code rate}) for
     * {@code epochs} passes of shuffled batches; every draw from {@code random}.
     */
    public static TwoHeadUplift fit(UpliftData data, int hidden, int epochs, int batchSize, double rate,
                                    RandomGenerator random, Device device) {
        TwoHeadUplift model = new TwoHeadUplift(data.features()[0].length, hidden, random);
        model.to(device);
        Optimizer opt = Adam.keras(rate).bind(model);
        for (int e = 0; e < epochs; e++) {
            for (int[] rows : Batches.shuffled(data.size(), batchSize, random)) {
                opt.zeroGrad();
                UpliftData batch = data.select(rows);
                model.loss(features(batch.features(), device), oneHot(batch.treatment(), device),
                        column(batch.outcome(), device)).backward();
                opt.step();
            }
        }
        return model;
    }

    @Override
    public double uplift(double[] x) {
        return score(new double[][] {x})[0];
    }

    @Override
    public double[] score(double[][] rows) {
        float[] s;
        try (var ignored = Autograd.noGrad()) {
            s = logits(features(rows, device())).to(Device.CPU).toFloatArray();
        }
        double[] tau = new double[rows.length];
        for (int i = 0; i < tau.length; i++) {
            tau[i] = sigmoid(s[2 * i + 1]) - sigmoid(s[2 * i]);
        }
        return tau;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static Tensor features(double[][] rows, Device device) {
        int d = rows[0].length;
        float[] flat = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = (float) rows[i][j];
            }
        }
        return Tensor.of(flat, rows.length, d).to(device);
    }

    private static Tensor oneHot(int[] treatment, Device device) {
        float[] flat = new float[treatment.length * 2];
        for (int i = 0; i < treatment.length; i++) {
            flat[2 * i + treatment[i]] = 1;
        }
        return Tensor.of(flat, treatment.length, 2).to(device);
    }

    private static Tensor column(double[] values, Device device) {
        float[] flat = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            flat[i] = (float) values[i];
        }
        return Tensor.of(flat, values.length, 1).to(device);
    }
}
