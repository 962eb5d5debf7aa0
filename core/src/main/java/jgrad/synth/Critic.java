package jgrad.synth;

import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Module;
import jgrad.nn.init.Initializer;
import jgrad.nn.init.Initializers;
import jgrad.tensor.Tensor;

/**
 * CTGAN's critic with PacGAN packing (Lin et al. 2018): {@code pac} consecutive rows of width w are read as one
 * input x of width pac·w, and
 * <pre>
 *   a₁ = W₁ x + b₁,  h₁ = lrelu(a₁),  a₂ = W₂ h₁ + b₂,  h₂ = lrelu(a₂),  D(x) = W₃ h₂ + b₃
 * </pre>
 * with lrelu(a) = max(a, 0.2 a) (CTGAN's dropout is left out). Its gradient with respect to the input, which the
 * WGAN-GP penalty needs, is written out by the chain rule as tensor ops, so that the penalty's own gradient with
 * respect to the weights comes from ordinary backpropagation (no double backward):
 * <pre>
 *   ∂D/∂x = ((W₃ ⊙ m₂) W₂ ⊙ m₁) W₁,   m_i = lrelu'(a_i) ∈ {1, 0.2}
 * </pre>
 * The slopes m_i are constant between kinks, so they carry no gradient of their own (as in autograd frameworks).
 * Gradient penalty (Gulrajani et al. 2017): λ E[(‖∂D/∂x̂‖₂ − 1)²] at x̂ = ε x_real + (1 − ε) x_fake, one ε per pack.
 */
public final class Critic extends Module {

    /** The leaky ReLU's slope for negative inputs (CTGAN's). */
    public static final double SLOPE = 0.2;

    private final int rowWidth;
    private final int pac;

    /** A critic of packs of {@code pac} rows of {@code rowWidth} numbers, with two hidden layers of {@code hidden}. */
    public Critic(int rowWidth, int pac, int hidden, DType dtype, RandomGenerator rng) {
        if (rowWidth < 1 || pac < 1 || hidden < 1) {
            throw new IllegalArgumentException("Critic: row width, pac and hidden width must be positive, got "
                    + rowWidth + ", " + pac + ", " + hidden);
        }
        this.rowWidth = rowWidth;
        this.pac = pac;
        Initializer w = Initializers.glorotUniform();
        Initializer zero = Initializers.zeros();
        param("W_1", w.create(rng, dtype, hidden, pac * rowWidth));
        param("b_1", zero.create(rng, dtype, hidden));
        param("W_2", w.create(rng, dtype, hidden, hidden));
        param("b_2", zero.create(rng, dtype, hidden));
        param("W_3", w.create(rng, dtype, 1, hidden));
        param("b_3", zero.create(rng, dtype, 1));
    }

    public int pac() {
        return pac;
    }

    /** Rows [B, w], B a multiple of pac, as packs [B / pac, pac · w]. */
    public Tensor pack(Tensor rows) {
        if (rows.rank() != 2 || rows.shape(1) != rowWidth || rows.shape(0) % pac != 0) {
            throw new IllegalArgumentException("Critic: needs rows [B, " + rowWidth + "] with B a multiple of " + pac
                    + ", got " + java.util.Arrays.toString(rows.shape()));
        }
        return rows.contiguous().reshape(rows.shape(0) / pac, pac * rowWidth);
    }

    /** D of each pack of the rows: [B / pac, 1]. */
    public Tensor score(Tensor rows) {
        return score(parameters(), pack(rows));
    }

    /** D(x) of packed inputs x [G, pac · w] with the given weights. */
    public Tensor score(Map<String, Tensor> weights, Tensor packed) {
        Tensor h1 = preactivation1(weights, packed).leakyRelu(SLOPE);
        Tensor h2 = h1.matmul(weights.get("W_2"), false, true).add(weights.get("b_2")).leakyRelu(SLOPE);
        return h2.matmul(weights.get("W_3"), false, true).add(weights.get("b_3"));
    }

    /** ∂D/∂x of packed inputs x [G, pac · w]: one row of the input gradient per pack. */
    public Tensor inputGradient(Map<String, Tensor> weights, Tensor packed) {
        Tensor a1 = preactivation1(weights, packed);
        Tensor a2 = a1.leakyRelu(SLOPE).matmul(weights.get("W_2"), false, true).add(weights.get("b_2"));
        Tensor d2 = slopes(a2).mul(weights.get("W_3"));
        Tensor d1 = d2.matmul(weights.get("W_2")).mul(slopes(a1));
        return d1.matmul(weights.get("W_1"));
    }

    /** λ · mean over packs of (‖∂D/∂x̂‖₂ − 1)², x̂ = fake + ε (real − fake); ε [B, 1] equal within each pack. */
    public Tensor gradientPenalty(Map<String, Tensor> weights, Tensor real, Tensor fake, Tensor epsilon, double lambda) {
        Tensor mixed = fake.add(epsilon.mul(real.sub(fake)));
        Tensor g = inputGradient(weights, pack(mixed));
        Tensor norm = g.mul(g).sum(1, false).add(1e-12).sqrt();
        return norm.sub(1).pow(2).mean().mul(lambda);
    }

    private static Tensor preactivation1(Map<String, Tensor> weights, Tensor packed) {
        return packed.matmul(weights.get("W_1"), false, true).add(weights.get("b_1"));
    }

    /** lrelu'(a): 1 where a &gt; 0, else the slope; a constant (detached) tensor. */
    private static Tensor slopes(Tensor a) {
        Tensor one = Tensor.full(a.device(), a.dtype(), 1.0, 1);
        Tensor slope = Tensor.full(a.device(), a.dtype(), SLOPE, 1);
        return Tensor.where(a.detach().relu(), one, slope);
    }
}
