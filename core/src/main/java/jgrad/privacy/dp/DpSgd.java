package jgrad.privacy.dp;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import jgrad.nn.Layer;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Flatten;
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
 * <p>Per-example gradients of a dense layer z = a Wᵀ + b are never materialized: example i's gradient of W is
 * the outer product δᵢ aᵢᵀ (δᵢ = ∂ℓᵢ/∂zᵢ), whose squared norm is ‖δᵢ‖²·‖aᵢ‖², and of b it is δᵢ; the clipped
 * sum is one product (c ⊙ δ)ᵀ a with the clipping factors c (Goodfellow 2015's trick). δ is read from a zero
 * "probe" added to z. Norms, factors and noise are backend kernels ({@code rowSquaredNorms},
 * {@code clipFactors}, {@code addGaussian}), so training stays on the model's device. Layers other than
 * {@link Dense} and {@link Flatten} are refused by name.
 */
public final class DpSgd {

    private final Optimizer inner;
    private final NoisyMean mechanism;
    private List<Layer> layers;

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
        List<Layer> ls = model.layers();
        for (int i = 0; i < ls.size(); i++) {
            Layer l = ls.get(i);
            if (!(l instanceof Dense) && !(l instanceof Flatten)) {
                throw new IllegalArgumentException("DP-SGD cannot compute per-example gradients for layer " + i + " ("
                        + l.getClass().getSimpleName() + "); it handles Dense and Flatten");
            }
        }
        inner.bind(model);
        this.layers = List.copyOf(ls);
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
        List<Dense> dense = new ArrayList<>();
        List<Tensor> inputs = new ArrayList<>();
        List<Tensor> probes = new ArrayList<>();
        double meanLoss = Double.NaN;
        if (batch > 0) {
            Tensor h = x;
            for (Layer l : layers) {
                if (l instanceof Dense d) {
                    Tensor a = h.contiguous();
                    Tensor probe = Tensor.zeros(a.device(), a.dtype(), batch, d.out()).requiresGrad(true);
                    Tensor z = a.matmul(d.parameters().get("W").detach(), false, true)
                            .add(d.parameters().get("b").detach()).add(probe);
                    dense.add(d);
                    inputs.add(a);
                    probes.add(probe);
                    h = d.activation().apply(z);
                } else {
                    h = l.forward(h);
                }
            }
            Tensor mean = loss.compute(h, y);
            meanLoss = mean.to(jgrad.backend.Device.CPU).item();
            mean.mul(batch).backward();        // the sum of per-example losses: each δᵢ is ∂ℓᵢ/∂zᵢ
        }
        Tensor factors = batch > 0 ? mechanism.clipFactors(PerExample.denseSquaredNorms(inputs, probes)) : null;
        for (Layer l : layers) {
            if (l instanceof Dense d) {
                int k = dense.indexOf(d);
                Tensor w = d.parameters().get("W");
                Tensor b = d.parameters().get("b");
                Tensor gw;
                Tensor gb;
                if (k >= 0) {
                    Tensor scaled = probes.get(k).grad().mul(factors.reshape(batch, 1));
                    gw = scaled.matmul(inputs.get(k), true, false);
                    gb = scaled.sum(0, false);
                } else {
                    gw = Tensor.zeros(w.device(), w.dtype(), w.shape());
                    gb = Tensor.zeros(b.device(), b.dtype(), b.shape());
                }
                NoisyMean.setGrad(w, mechanism.privatize(gw));
                NoisyMean.setGrad(b, mechanism.privatize(gb));
            }
        }
        inner.step();
        mechanism.stepTaken();
        return meanLoss;
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
        for (long s = 0; s < count; s++) {
            int[] ids = sampleBatch(random);
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
