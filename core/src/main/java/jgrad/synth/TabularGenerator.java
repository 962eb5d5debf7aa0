package jgrad.synth;

import java.util.List;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.nn.norm.BatchNorm;
import jgrad.tensor.Tensor;

/**
 * CTGAN's generator: noise z and the conditional vector c through two residual blocks, then one dense layer to
 * the encoded row's width,
 * <pre>
 *   r₀ = [z; c],  r_i = [relu(BN_i(W_i r_{i−1} + b_i)); r_{i−1}]  (i = 1, 2),  o = W_o r₂ + b_o
 * </pre>
 * and each span of o activated as the encoding says: α = tanh(o_span); a one-hot span by the Gumbel softmax
 * softmax((o_span + g) / τ), g = −log(−log u), u ~ U(0, 1) (Jang et al. 2017), which is near one-hot for small τ
 * and whose largest entry is a draw from softmax(o_span) (the Gumbel-max trick). The conditional loss
 * −Σ_j Σ_k c_{j,k} log softmax(o_{span j})_k, averaged over the batch, asks the generated row to hold the
 * category the condition chose.
 */
public final class TabularGenerator extends Module {

    private final int noise;
    private final List<Span> spans;
    private final Dense[] dense;
    private final BatchNorm[] norms;
    private final Dense out;

    public TabularGenerator(int noise, int conditionWidth, int hidden, List<Span> spans, int outputWidth, DType dtype,
                            RandomGenerator rng) {
        if (noise < 1 || hidden < 1) {
            throw new IllegalArgumentException("TabularGenerator: noise and hidden widths must be positive, got "
                    + noise + " and " + hidden);
        }
        this.noise = noise;
        this.spans = List.copyOf(spans);
        int in = noise + conditionWidth;
        dense = new Dense[2];
        norms = new BatchNorm[2];
        for (int i = 0; i < 2; i++) {
            dense[i] = child("res" + (i + 1), new Dense(in, hidden, Activation.LINEAR, dtype, rng));
            norms[i] = child("bn" + (i + 1), new BatchNorm(hidden, 0.9, 1e-5, dtype));
            in += hidden;
        }
        out = child("out", new Dense(in, outputWidth, Activation.LINEAR, dtype, rng));
    }

    public int noiseWidth() {
        return noise;
    }

    /** The raw output o [B, width] for noise z [B, noise] and conditions c [B, condition width]. */
    public Tensor logits(Tensor z, Tensor conditions) {
        Tensor r = Tensor.concat(1, z, conditions);
        for (int i = 0; i < dense.length; i++) {
            r = Tensor.concat(1, norms[i].forward(dense[i].forward(r)).relu(), r);
        }
        return out.forward(r);
    }

    /** Each span activated: tanh, or the Gumbel softmax at temperature τ with the given noise g [B, width]. */
    public Tensor activate(Tensor logits, Tensor gumbel, double temperature) {
        int[] widths = spans.stream().mapToInt(Span::width).toArray();
        Tensor[] o = logits.split(1, widths);
        Tensor[] g = gumbel.split(1, widths);
        Tensor[] parts = new Tensor[o.length];
        for (int s = 0; s < o.length; s++) {
            parts[s] = spans.get(s).kind() == Span.Kind.TANH ? o[s].tanh() : o[s].add(g[s]).div(temperature).softmax(1);
        }
        return Tensor.concat(1, parts);
    }

    /** −mean over rows of Σ_j Σ_k c_{j,k} log softmax(o_{span j})_k, for the categorical spans j in order. */
    public static Tensor conditionalLoss(Tensor logits, Tensor conditions, List<Span> categoricalSpans) {
        Tensor total = null;
        int at = 0;
        for (Span span : categoricalSpans) {
            Tensor o = logits.narrow(1, span.start(), span.width());
            Tensor c = conditions.narrow(1, at, span.width());
            at += span.width();
            Tensor term = c.mul(o.logSoftmax(1)).sum();
            total = total == null ? term : total.add(term);
        }
        return total.neg().div(logits.shape(0));
    }
}
