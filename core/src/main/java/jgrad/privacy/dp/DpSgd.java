package jgrad.privacy.dp;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Module;
import jgrad.nn.loss.Loss;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/**
 * Differentially private SGD (Abadi et al., "Deep Learning with Differential Privacy", 2016) around any of
 * jgrad's optimizers. Each step: a Poisson sample of the data (every example with probability q); each
 * example's gradient gᵢ clipped to norm C, gᵢ·min(1, C/‖gᵢ‖); the clipped gradients summed, Gaussian noise
 * N(0, σ²C²) added to every coordinate, the result divided by the expected batch size qN and handed to the
 * wrapped optimizer. {@link RdpAccountant} tracks the privacy spent.
 *
 * <p>Per-example gradients are read layer by layer ({@link ExampleGradients}): one forward with zero "probes" on
 * the pre-activations and one backward of the summed loss give every δᵢ = ∂ℓᵢ/∂zᵢ; a weight shared over positions
 * (dense: one; convolution: the output pixels; recurrence: the steps) has per-example gradient Σ_t δ_t a_tᵀ, whose
 * norm is taken by the ghost identity or one batched GEMM, whichever is smaller, and whose clipped sum is one GEMM
 * ({@link PerExample}). Norms, factors and noise are backend kernels ({@code rowSquaredNorms},
 * {@code clipFactors}, {@code addGaussian}), so training stays on the model's device. Supported: Dense, Conv1D,
 * Conv2D, Embedding, PositionalEmbedding, LayerNorm, RNN, GRU, LSTM, attention pooling ({@code Attention} as a
 * layer), MultiHeadAttention, TransformerBlock, nested Sequentials and layers without parameters; any other layer
 * is refused by name (BatchNorm with the reason: it mixes the examples of a batch).
 */
public final class DpSgd {

    private final Optimizer inner;
    private final NoisyMean mechanism;
    private ExampleGradients layers;
    private List<Tensor> parameters;
    private Module model;

    private DpSgd(Optimizer inner, double clipNorm, double noiseMultiplier, double sampleRate, int datasetSize, long seed) {
        this.mechanism = new NoisyMean(clipNorm, noiseMultiplier, sampleRate, datasetSize, seed);
        this.inner = inner;
    }

    /**
     * @param inner           the optimizer that takes the noisy gradient (e.g. {@code Adam.keras(1e-3)})
     * @param clipNorm        C, the largest norm of one example's gradient
     * @param noiseMultiplier σ: the noise's standard deviation is σC (0 clips without privacy)
     * @param sampleRate      q, the probability that an example joins a batch
     * @param datasetSize     N, the number of training examples
     * @param seed            the seed of the noise (Philox draws, the same on every device)
     */
    public static DpSgd of(Optimizer inner, double clipNorm, double noiseMultiplier, double sampleRate, int datasetSize,
                           long seed) {
        return new DpSgd(inner, clipNorm, noiseMultiplier, sampleRate, datasetSize, seed);
    }

    /** Binds the model; a layer whose per-example gradients this cannot compute is refused, naming it. */
    public DpSgd bind(Sequential model) {
        ExampleGradients readers = new SequentialExamples(model, "");
        inner.bind(model);
        this.layers = readers;
        this.parameters = List.copyOf(model.parameters().values());
        this.model = model;
        return this;
    }

    /** A Poisson sample of example indices: each of the N examples independently with probability q. */
    public int[] sampleBatch(RandomGenerator random) {
        return mechanism.sampleBatch(random);
    }

    /**
     * One private step on a sampled batch ({@code x} may hold no rows: the step is then noise alone). {@code loss}
     * must be the mean of per-example losses (as {@code Losses.softmaxCrossEntropy} is). Returns the batch's mean
     * loss (NaN for an empty batch).
     */
    public double step(Tensor x, Tensor y, Loss loss) {
        if (layers == null) {
            throw new IllegalStateException("DpSgd.step(): no model bound; call bind(model)");
        }
        int batch = x.shape(0);
        double meanLoss = Double.NaN;
        Map<Tensor, Tensor> sums = Map.of();
        if (batch > 0) {
            Tensor mean = loss.compute(layers.forward(x), y);
            meanLoss = mean.to(jgrad.backend.Device.CPU).item();
            mean.mul(batch).backward();        // the sum of per-example losses: each δᵢ is ∂ℓᵢ/∂zᵢ
            sums = layers.clippedSums(mechanism.clipFactors(squaredNorms()));
        }
        for (Tensor p : parameters) {
            Tensor sum = sums.get(p);
            if (sum == null) {
                sum = Tensor.zeros(p.device(), p.dtype(), p.shape());
            }
            NoisyMean.setGrad(p, mechanism.privatize(sum));
        }
        inner.step();
        mechanism.stepTaken();
        return meanLoss;
    }

    /** ‖gᵢ‖² of all parameters per example. */
    private Tensor squaredNorms() {
        Tensor total = layers.squaredNorms();
        if (total == null) {
            throw new IllegalStateException("DP-SGD: the model has no parameters to train");
        }
        return total;
    }

    /** The squared norm of each example's gradient and Σᵢ cᵢ gᵢ per parameter: what the step clips, for tests. */
    Map<Tensor, Tensor> clippedSums(Tensor x, Tensor y, Loss loss, double[] factors, double[] squaredNorms) {
        int batch = x.shape(0);
        loss.compute(layers.forward(x), y).mul(batch).backward();
        System.arraycopy(squaredNorms().to(jgrad.backend.Device.CPU).toDoubleArray(), 0, squaredNorms, 0, batch);
        return layers.clippedSums(Tensor.of(factors, batch).to(x.dtype()).to(x.device()));
    }

    /**
     * One epoch: round(1/q) steps, each on a fresh Poisson sample of the rows of {@code x} and {@code y} (both
     * with N rows, on the model's device). Returns the mean of the steps' losses.
     */
    public double epoch(Tensor x, Tensor y, Loss loss, RandomGenerator random) {
        int datasetSize = mechanism.datasetSize;
        if (x.shape(0) != datasetSize || y.shape(0) != datasetSize) {
            throw new IllegalArgumentException("DP-SGD was set up for " + datasetSize + " examples but got x with "
                    + x.shape(0) + " rows and y with " + y.shape(0));
        }
        long count = mechanism.stepsPerEpoch();
        double sum = 0;
        int counted = 0;
        model.train();
        for (long s = 0; s < count; s++) {
            int[] ids = sampleBatch(random);
            // No Arena scope: a Poisson batch has a new size almost every step, and the arena pools storages by
            // exact length, so it would keep a step's worth of arrays per batch size seen (1.5 GB within one
            // epoch of the tanh CNN) instead of reusing them.
            double l = step(rows(x, ids), rows(y, ids), loss);
            if (!Double.isNaN(l)) {
                sum += l;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** The rows {@code ids} of t (any rank), on t's device. */
    private static Tensor rows(Tensor t, int[] ids) {
        int[] shape = t.shape().clone();
        int rowLength = shape[0] == 0 ? 0 : t.numel() / shape[0];
        shape[0] = ids.length;
        if (ids.length == 0) {
            return Tensor.zeros(t.device(), t.dtype(), shape);
        }
        return t.reshape(t.shape(0), rowLength).gatherRows(ids, ids.length).reshape(shape);
    }

    /** The privacy spent so far at {@code delta}: ε is infinite when σ = 0. */
    public RdpAccountant.Spent spent(double delta) {
        return mechanism.spent(delta);
    }

    public long steps() {
        return mechanism.steps();
    }
}
