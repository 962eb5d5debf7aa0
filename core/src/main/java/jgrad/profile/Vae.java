package jgrad.profile;

import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Weights;
import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.tensor.Tensor;

/**
 * A variational autoencoder for tabular rows (Kingma and Welling, "Auto-Encoding Variational Bayes", ICLR 2014).
 * Encoder h = relu(W_h x + b_h), μ = W_μ h + b_μ, log σ² = W_σ h + b_σ; reparameterization z = μ + σ ⊙ ε,
 * ε ~ N(0, I); decoder h' = relu(W_d z + b_d), o = W_o h' + b_o. The decoder's output is read block by block
 * ({@link TabularLayout}): numbers as the means of unit-variance Gaussians, −log p = ½ (o − x)² + ½ log 2π,
 * and each categorical block as softmax logits, −log p = −log softmax(o)_{true category}. Per row,
 * <pre>
 *   reconstruction = Σ_numeric ½ (o − x)² + Σ_blocks −Σ_c x_c log softmax(o)_c      (the constant ½ log 2π left out)
 *   KL(q(z|x) ‖ N(0, I)) = −½ Σ_j (1 + log σ_j² − μ_j² − σ_j²)
 *   −ELBO = reconstruction + KL
 * </pre>
 * averaged over the batch. Layers: "enc", "mu", "logvar", "dec", "out".
 */
public final class Vae extends Module {

    private final TabularLayout layout;
    private final int code;
    private final Dense enc;
    private final Dense mu;
    private final Dense logvar;
    private final Dense dec;
    private final Dense out;

    public Vae(TabularLayout layout, int hidden, int code, DType dtype, RandomGenerator rng) {
        if (hidden < 1 || code < 1) {
            throw new IllegalArgumentException("Vae: hidden and code widths must be positive, got " + hidden + " and " + code);
        }
        this.layout = layout;
        this.code = code;
        int width = layout.width();
        enc = child("enc", new Dense(width, hidden, Activation.RELU, dtype, rng));
        mu = child("mu", new Dense(hidden, code, Activation.LINEAR, dtype, rng));
        logvar = child("logvar", new Dense(hidden, code, Activation.LINEAR, dtype, rng));
        dec = child("dec", new Dense(code, hidden, Activation.RELU, dtype, rng));
        out = child("out", new Dense(hidden, width, Activation.LINEAR, dtype, rng));
    }

    public int code() {
        return code;
    }

    public TabularLayout layout() {
        return layout;
    }

    /** The two terms of −ELBO, each averaged over the batch. */
    public record Terms(Tensor reconstruction, Tensor kl) {

        /** −ELBO = reconstruction + KL, the training loss. */
        public Tensor loss() {
            return reconstruction.add(kl);
        }
    }

    /** μ(x), the profile code of each row: [n, code]. */
    public Tensor encodeMean(Tensor x) {
        return mu.forward(enc.forward(x));
    }

    /** The decoder's raw output o for codes z: numbers, then logits per categorical block. */
    public Tensor decode(Tensor z) {
        return decode(parameters(), z);
    }

    /** The terms of −ELBO of the rows x with the noise ε [n, code] given. */
    public Terms terms(Tensor x, Tensor epsilon) {
        return terms(parameters(), x, epsilon);
    }

    public Terms terms(Map<String, Tensor> weights, Tensor x, Tensor epsilon) {
        Tensor h = enc.forward(Weights.under(weights, "enc"), x);
        Tensor m = mu.forward(Weights.under(weights, "mu"), h);
        Tensor lv = logvar.forward(Weights.under(weights, "logvar"), h);
        Tensor z = m.add(lv.mul(0.5).exp().mul(epsilon));
        Tensor o = decode(weights, z);
        Tensor kl = lv.add(1).sub(m.mul(m)).sub(lv.exp()).sum(1, false).mul(-0.5).mean();
        return new Terms(reconstruction(o, x).mean(), kl);
    }

    /** ε ~ N(0, I) for n rows, drawn on the host from the caller's generator and placed with the model. */
    public Tensor noise(int n, RandomGenerator random) {
        Tensor any = parameters().get("mu.W");
        return Tensor.randn(random, any.dtype(), 0, 1, n, code).to(any.device());
    }

    /** The training loss −ELBO of the rows x, with fresh noise from {@code random}. */
    public Tensor loss(Tensor x, RandomGenerator random) {
        return terms(x, noise(x.shape(0), random)).loss();
    }

    /**
     * n new rows from the prior: z ~ N(0, I), o = decode(z); the numbers are o's means, and each categorical
     * block is one-hot at a category drawn from softmax(o) of the block. Rows are in feature space.
     */
    public double[][] sample(int n, RandomGenerator random) {
        double[] o;
        try (var _ = jgrad.autograd.Autograd.noGrad()) {
            o = decode(noise(n, random)).to(jgrad.backend.Device.CPU).to(DType.F64).toDoubleArray();
        }
        int width = layout.width();
        double[][] rows = new double[n][width];
        for (int r = 0; r < n; r++) {
            System.arraycopy(o, r * width, rows[r], 0, layout.numeric());
            int start = layout.numeric();
            for (int w : layout.categoricalWidths()) {
                rows[r][start + drawCategory(o, r * width + start, w, random)] = 1;
                start += w;
            }
        }
        return rows;
    }

    /** A category drawn with probability softmax(logits[from … from + w)). */
    private static int drawCategory(double[] logits, int from, int w, RandomGenerator random) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w; c++) {
            max = Math.max(max, logits[from + c]);
        }
        double[] p = new double[w];
        double total = 0;
        for (int c = 0; c < w; c++) {
            p[c] = Math.exp(logits[from + c] - max);
            total += p[c];
        }
        double u = random.nextDouble() * total;
        for (int c = 0; c < w; c++) {
            u -= p[c];
            if (u < 0) {
                return c;
            }
        }
        return w - 1;
    }

    private Tensor decode(Map<String, Tensor> weights, Tensor z) {
        return out.forward(Weights.under(weights, "out"), dec.forward(Weights.under(weights, "dec"), z));
    }

    /** −log p(x | o) of each row, without the Gaussian constants: [n]. */
    private Tensor reconstruction(Tensor o, Tensor x) {
        int[] sizes = layout.blockSizes();
        Tensor[] os = o.split(1, sizes);
        Tensor[] xs = x.split(1, sizes);
        Tensor total = null;
        for (int b = 0; b < sizes.length; b++) {
            boolean numeric = b == 0 && layout.numeric() > 0;
            Tensor term = numeric ? os[b].sub(xs[b]).pow(2).sum(1, false).mul(0.5)
                    : xs[b].mul(os[b].logSoftmax(1)).sum(1, false).neg();
            total = total == null ? term : total.add(term);
        }
        return total;
    }
}
