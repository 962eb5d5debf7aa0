package jgrad.nn.loss;

import jgrad.autograd.Autograd;
import jgrad.tensor.Tensor;

/**
 * softplus(x) = ln(1 + eˣ) = max(x, 0) + ln(1 + e^−|x|), the second form never overflowing;
 * d/dx = σ(x). It is −ln σ(−x), the building block of the losses on logits (BCE, BPR, GAN).
 * One recorded op, because composing it from max and |x| would give a wrong derivative at 0.
 */
public final class Softplus {

    private Softplus() {
    }

    public static Tensor of(Tensor x) {
        Tensor y;
        try (var ignored = Autograd.noGrad()) {
            y = x.relu().add(x.abs().neg().exp().add(1).log());
        }
        return y.recordedAs("softplus", g -> new Tensor[] {g.mul(x.detach().sigmoid())}, x);
    }
}
