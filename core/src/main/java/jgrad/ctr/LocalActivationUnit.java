package jgrad.ctr;

import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Weights;
import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.tensor.Tensor;

/**
 * The local activation unit of Deep Interest Network (Zhou et al. 2018 §4.3, Fig. 2): how much history item
 * e_t [D] matters for the candidate c [D],
 * <pre>
 *   a_t = W₂ f(W₁ [e_t, c, e_t − c, e_t ⊙ c] + b₁) + b₂,       W₁ [H, 4D], W₂ [1, H]
 * </pre>
 * with f a {@link Unit} (the paper's PReLU or Dice). The weights are not normalized by a softmax, as in the
 * paper (the sum Σ a_t keeps how strongly the user is interested); {@link DinModel} offers the softmax
 * variant. The element-wise product and the difference are the paper's code's stand-in for the outer
 * product of Fig. 2.
 */
public final class LocalActivationUnit extends Module {

    private final int dim;
    private final HiddenLayer hidden;
    private final Dense out;

    public LocalActivationUnit(int dim, int hiddenUnits, Unit f, DType dtype, RandomGenerator rng) {
        if (dim <= 0 || hiddenUnits <= 0) {
            throw new IllegalArgumentException("LocalActivationUnit: sizes must be positive, got D=" + dim + ", H="
                    + hiddenUnits);
        }
        this.dim = dim;
        hidden = child("hidden", new HiddenLayer(4 * dim, hiddenUnits, f, dtype, rng));
        out = child("out", new Dense(hiddenUnits, 1, Activation.LINEAR, dtype, rng));
    }

    /** a [B, T] for history e [B, T, D] and candidates c [B, D]. */
    public Tensor forward(Tensor history, Tensor candidate) {
        return forward(parameters(), history, candidate);
    }

    public Tensor forward(Map<String, Tensor> weights, Tensor history, Tensor candidate) {
        if (history.rank() != 3 || history.shape(2) != dim || candidate.rank() != 2
                || candidate.shape(0) != history.shape(0) || candidate.shape(1) != dim) {
            throw new IllegalArgumentException("LocalActivationUnit(D=" + dim + "): needs history [B, T, " + dim
                    + "] and candidate [B, " + dim + "], got " + java.util.Arrays.toString(history.shape()) + " and "
                    + java.util.Arrays.toString(candidate.shape()));
        }
        Tensor c = candidate.unsqueeze(1).expand(history.shape());
        Tensor pairs = Tensor.concat(2, history, c, history.sub(c), history.mul(c));
        Tensor a = out.forward(Weights.under(weights, "out"), hidden.forward(Weights.under(weights, "hidden"), pairs));
        return a.squeeze(2);
    }
}
