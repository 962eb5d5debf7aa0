package jgrad.uplift;

import java.util.Arrays;
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
import jgrad.optim.AdamW;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;
import jgrad.train.WeightsSnapshot;

/**
 * A neural two-head uplift model on the engine (in the manner of TARNet, Shalit, Johansson and Sontag 2017) that
 * learns a correction to the T-learner: a shared representation h = relu(W_h x + b_h) and two logits, one per
 * group,
 * <pre>
 *   [s₀, s₁] = W_s h + b_s + G x
 * </pre>
 * where the rows of G are fixed weights (a buffer, not trained): {@link #fit} sets them to the two groups'
 * logistic regressions, the T-learner's, and starts W_s at 0, so training starts from the T-learner and the
 * network learns only what the linear models miss (the combined actuarial neural network of Schelldorfer and
 * Wüthrich 2019). A row trains only the head of the group it was in: with the one-hot treatment e_t,
 * <pre>
 *   loss = mean BCE(σ(Σ_k e_{t,k} s_k), y),      τ̂(x) = σ(s₁(x)) − σ(s₀(x))
 * </pre>
 * Both heads share what predicts the outcome in either group, so the difference is learned from all rows.
 * Early stopping counts the start as epoch 0, so a correction is kept only when it validates better than the
 * T-learner alone: on Hillstrom's 10 features none does, and training an epoch regardless only added variance.
 */
public final class TwoHeadUplift extends Module implements UpliftModel {

    private final Dense trunk;
    private final Dense heads;
    private final Tensor offset;

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
        offset = buffer("G", Tensor.zeros(dtype, 2, features));
    }

    /** [s₀, s₁] for every row of x ([n, features] → [n, 2]). */
    public Tensor logits(Tensor x) {
        return logits(parameters(), x);
    }

    /** The same with the given weights, named as in {@link #parameters()} ({@code trunk.W}, {@code heads.b}, …). */
    public Tensor logits(Map<String, Tensor> weights, Tensor x) {
        return heads.forward(part(weights, "heads."), trunk.forward(part(weights, "trunk."), x))
                .add(x.matmul(offset, false, true));
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
     * What early stopping watches on the validation rows.
     * <ul>
     *   <li>{@code OUTCOME_LOSS}: the mean binary cross-entropy of each row's own group's head, as in training;</li>
     *   <li>{@code UPLIFT_LOSS}: the transformed-outcome loss (Athey and Imbens 2016): with the treated share p,
     *       z = y·(t − p) / (p(1 − p)) has E[z | x] = τ(x) in a randomized experiment, so mean (z − τ̂(x))² is
     *       the uplift's squared error plus a constant, and ranks epochs by how well they predict the uplift itself.</li>
     * </ul>
     */
    public enum Stopping { OUTCOME_LOSS, UPLIFT_LOSS }

    /**
     * How {@link #fit} trains: AdamW (Loshchilov and Hutter 2019) at {@code rate} with decoupled weight decay
     * {@code weightDecay}, shuffled batches, at most {@code maxEpochs} passes; a {@code validationShare} of the rows
     * is held out, scored as {@code stopping} says before the first epoch (the T-learner's start) and after each,
     * and training stops once the score has not improved for {@code patience} epochs and returns the weights of the
     * best (which may be the start: no correction). No hold-out and no stopping with a share of 0.
     */
    public record Training(int hidden, int maxEpochs, int batchSize, double rate, double weightDecay,
                           double validationShare, int patience, Stopping stopping) {

        public Training {
            if (hidden < 1 || maxEpochs < 1 || batchSize < 1 || !(rate > 0) || !(weightDecay >= 0)
                    || !(validationShare >= 0 && validationShare < 1) || patience < 1 || stopping == null) {
                throw new IllegalArgumentException("two-head training needs positive sizes, epochs, batch, rate and"
                        + " patience, a decay >= 0, a validation share in [0, 1) and a stopping rule, got " + this);
            }
        }

        /**
         * The settings of the Hillstrom reports: 8 hidden units, batches of 256, AdamW 3e-3 with decay 0.1, up to 60
         * epochs, stopped on the outcome loss of a 20 % validation share with patience 5.
         */
        public static Training defaults() {
            return new Training(8, 60, 256, 3e-3, 0.1, 0.2, 5, Stopping.OUTCOME_LOSS);
        }
    }

    /** Trains a model on {@code data} on {@code device} as {@code training} says; every draw from {@code random}. */
    public static TwoHeadUplift fit(UpliftData data, Training training, RandomGenerator random, Device device) {
        UpliftData fitRows = data;
        UpliftData validation = null;
        if (training.validationShare() > 0) {
            int[] rows = Batches.shuffled(data.size(), data.size(), random)[0];
            int held = (int) Math.round(training.validationShare() * rows.length);
            if (held < 1 || held == rows.length) {
                throw new IllegalArgumentException("a validation share of " + training.validationShare() + " leaves "
                        + held + " of " + rows.length + " rows to validate on");
            }
            validation = data.select(Arrays.copyOfRange(rows, 0, held));
            fitRows = data.select(Arrays.copyOfRange(rows, held, rows.length));
        }
        TwoHeadUplift model = new TwoHeadUplift(data.features()[0].length, training.hidden(), random);
        model.startFrom(UpliftLearners.groupWeights(data, 0), UpliftLearners.groupWeights(data, 1));
        model.to(device);
        Optimizer opt = new AdamW(training.rate(), 0.9, 0.999, 1e-7, training.weightDecay()).bind(model);
        WeightsSnapshot best = new WeightsSnapshot();
        double bestLoss = Double.POSITIVE_INFINITY;
        int stale = 0;
        double treatedShare = data.treatedShare();
        for (int e = 0; e <= training.maxEpochs() && stale < training.patience(); e++) {
            if (e > 0) {
                for (int[] rows : Batches.shuffled(fitRows.size(), training.batchSize(), random)) {
                    opt.zeroGrad();
                    model.batchLoss(fitRows.select(rows), device).backward();
                    opt.step();
                }
            }
            if (validation != null) {
                double loss = model.validationLoss(validation, training.stopping(), treatedShare, device);
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best.take(model);
                    stale = 0;
                } else {
                    stale++;
                }
            }
        }
        if (best.isTaken()) {
            best.restore(model);
        }
        return model;
    }

    /**
     * Trains with Adam (Keras defaults, learning rate {@code rate}) for {@code epochs} passes, no weight decay and
     * no early stopping.
     */
    public static TwoHeadUplift fit(UpliftData data, int hidden, int epochs, int batchSize, double rate,
                                    RandomGenerator random, Device device) {
        return fit(data, new Training(hidden, epochs, batchSize, rate, 0, 0, 1, Stopping.OUTCOME_LOSS), random, device);
    }

    private double validationLoss(UpliftData validation, Stopping stopping, double treatedShare, Device device) {
        if (stopping == Stopping.OUTCOME_LOSS) {
            try (var ignored = Autograd.noGrad()) {
                return batchLoss(validation, device).to(Device.CPU).item();
            }
        }
        return transformedOutcomeLoss(validation, score(validation.features()), treatedShare);
    }

    /** mean (z − τ̂)² with z = y·(t − p)/(p(1 − p)): see {@link Stopping#UPLIFT_LOSS}. */
    static double transformedOutcomeLoss(UpliftData rows, double[] uplift, double treatedShare) {
        double p = treatedShare;
        double sum = 0;
        for (int i = 0; i < uplift.length; i++) {
            double z = rows.outcome()[i] * (rows.treatment()[i] - p) / (p * (1 - p));
            sum += (z - uplift[i]) * (z - uplift[i]);
        }
        return sum / uplift.length;
    }

    /** G ← [w₀; w₁] and W_s ← 0: the model then predicts exactly σ(w_tᵀx), the two logistic regressions. */
    private void startFrom(double[] control, double[] treated) {
        int d = control.length;
        float[] g = new float[2 * d];
        for (int j = 0; j < d; j++) {
            g[j] = (float) control[j];
            g[d + j] = (float) treated[j];
        }
        offset.copyFrom(Tensor.of(g, 2, d));
        Tensor w = parameters().get("heads.W");
        w.copyFrom(Tensor.zeros(w.dtype(), w.shape()));
    }

    private Tensor batchLoss(UpliftData batch, Device device) {
        return loss(features(batch.features(), device), oneHot(batch.treatment(), device), column(batch.outcome(), device));
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
