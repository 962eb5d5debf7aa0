package jgrad.nn.gan;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Activation;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * The discriminator D of a GAN (article 002 §2.4, §4.4): dense layers ending in one sigmoid unit,
 * D(x) = σ(W^(L) a^(L−1) + b^(L)) [B, 1], the probability that x is real. The losses use the
 * pre-sigmoid {@link #logits}, since ln D = −softplus(−logit) stays finite where D rounds to 0 or 1.
 */
public final class Discriminator extends DenseStack {

    /** @param sizes n_x, hidden widths…, 1; one activation per layer, the last sigmoid */
    public Discriminator(int[] sizes, List<Activation> activations, DType dtype, RandomGenerator rng) {
        super("Discriminator", sizes, activations, dtype, rng);
        if (last().out() != 1 || last().activation().kind() != Activation.Kind.SIGMOID) {
            throw new IllegalArgumentException("Discriminator: the last layer must be one sigmoid unit, got "
                    + last().out() + " units with " + last().activation().label());
        }
    }

    /** D(x) [B, 1]. */
    public Tensor forward(Tensor x) {
        return forward(parameters(), x);
    }

    public Tensor forward(Map<String, Tensor> weights, Tensor x) {
        return run(weights, x);
    }

    /** The logit of D(x) [B, 1]: D(x) = σ(logit). */
    public Tensor logits(Map<String, Tensor> weights, Tensor x) {
        return lastLogits(weights, x);
    }
}
