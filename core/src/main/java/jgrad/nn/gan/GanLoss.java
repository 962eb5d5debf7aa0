package jgrad.nn.gan;

import jgrad.nn.loss.Softplus;
import jgrad.tensor.Tensor;

/**
 * The losses of the minimax game min_G max_D E[ln D(x)] + E[ln(1 − D(G(z)))], from D's logits a
 * (D = σ(a), so −ln D = softplus(−a) and −ln(1 − D) = softplus(a)):
 * <ul>
 *   <li>discriminator: L_D = −E[ln D(x)] − E[ln(1 − D(G(z)))];</li>
 *   <li>generator, minimax: L_G = E[ln(1 − D(G(z)))]; non-saturating: L_G = −E[ln D(G(z))],
 *       which has strong gradients early, when D rejects the fakes easily.</li>
 * </ul>
 */
public enum GanLoss {
    MINIMAX, NON_SATURATING;

    /** "minimax" or "non_saturating". */
    public static GanLoss of(String name) {
        return switch (name) {
            case "minimax" -> MINIMAX;
            case "non_saturating" -> NON_SATURATING;
            default -> throw new IllegalArgumentException("GAN: unknown generator loss '" + name
                    + "' (known: minimax, non_saturating)");
        };
    }

    /** L_G from the logits of D on generated samples. */
    public Tensor generator(Tensor fakeLogits) {
        return this == NON_SATURATING ? Softplus.of(fakeLogits.neg()).mean() : Softplus.of(fakeLogits).mean().neg();
    }

    /** L_D from the logits of D on real and on generated samples. */
    public static Tensor discriminator(Tensor realLogits, Tensor fakeLogits) {
        return Softplus.of(realLogits.neg()).mean().add(Softplus.of(fakeLogits).mean());
    }
}
