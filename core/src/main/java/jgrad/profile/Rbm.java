package jgrad.profile;

import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.nn.Module;
import jgrad.nn.init.Initializers;
import jgrad.nn.loss.Softplus;
import jgrad.tensor.Tensor;

/**
 * A restricted Boltzmann machine (Smolensky 1986; Hinton, "A practical guide to training RBMs", 2010) with
 * visible units v [V], binary hidden units h [H], weights W [H, V], visible bias b [V], hidden bias c [H]:
 * <pre>
 *   Bernoulli visible:  E(v, h) = −bᵀv − cᵀh − hᵀW v,            p(v_i = 1 | h) = σ(b_i + (Wᵀh)_i)
 *   Gaussian visible:   E(v, h) = ½‖v − b‖² − cᵀh − hᵀW v,       v | h ~ N(b + Wᵀh, I)  (standardized data)
 *   p(h_j = 1 | v) = σ(c_j + (W v)_j)
 *   free energy F(v) = −log Σ_h e^{−E(v,h)} = −bᵀv − Σ_j softplus(c_j + (W v)_j)   (Bernoulli)
 *                                            = ½‖v − b‖² − Σ_j softplus(c_j + (W v)_j)   (Gaussian)
 * </pre>
 * Contrastive divergence (CD-k, Hinton 2002) ascends the log-likelihood along E_data[∂(−F)] − E_chain[∂(−F)],
 * the chain's visible states v_k coming from k Gibbs steps started at the data (CD) or at the last batch's
 * chains (persistent CD, Tieleman 2008). That direction is the gradient of mean F(v_data) − mean F(v_k) with
 * v_k held fixed, so {@link #contrastiveLoss} hands it to autograd and any optimizer.
 */
public final class Rbm extends Module {

    /** The kind of visible unit. */
    public enum Visible { BERNOULLI, GAUSSIAN }

    private final Visible visible;
    private final int visibleUnits;
    private final int hiddenUnits;

    public Rbm(int visibleUnits, int hiddenUnits, Visible visible, DType dtype, RandomGenerator rng) {
        if (visibleUnits < 1 || hiddenUnits < 1) {
            throw new IllegalArgumentException("Rbm: unit counts must be positive, got " + visibleUnits + " and "
                    + hiddenUnits);
        }
        this.visible = visible;
        this.visibleUnits = visibleUnits;
        this.hiddenUnits = hiddenUnits;
        param("W", Tensor.randn(rng, dtype, 0, 0.01, hiddenUnits, visibleUnits));     // Hinton's guide: N(0, 0.01²)
        param("b", Initializers.zeros().create(rng, dtype, visibleUnits));
        param("c", Initializers.zeros().create(rng, dtype, hiddenUnits));
    }

    public Visible visible() {
        return visible;
    }

    public int hiddenUnits() {
        return hiddenUnits;
    }

    public int visibleUnits() {
        return visibleUnits;
    }

    private Tensor w() {
        return parameters().get("W");
    }

    /** p(h = 1 | v) for each row of v [n, V]: [n, H]. */
    public Tensor hiddenProbabilities(Tensor v) {
        return v.matmul(w(), false, true).add(parameters().get("c")).sigmoid();
    }

    /** E[v | h] for each row of h [n, H]: σ(b + Wᵀh) (Bernoulli) or b + Wᵀh (Gaussian). */
    public Tensor visibleMean(Tensor h) {
        Tensor a = h.matmul(w()).add(parameters().get("b"));
        return visible == Visible.BERNOULLI ? a.sigmoid() : a;
    }

    /** F(v) of each row: [n]. */
    public Tensor freeEnergy(Tensor v) {
        Tensor b = parameters().get("b");
        Tensor hiddenTerm = Softplus.of(v.matmul(w(), false, true).add(parameters().get("c"))).sum(1, false);
        Tensor visibleTerm = visible == Visible.BERNOULLI ? v.mul(b).sum(1, false).neg()
                : v.sub(b).pow(2).sum(1, false).mul(0.5);
        return visibleTerm.sub(hiddenTerm);
    }

    /** k Gibbs steps v → h → v from {@code start}, without recording: the chain's last visible state. */
    public Tensor gibbs(Tensor start, int k, RandomGenerator random) {
        try (var _ = jgrad.autograd.Autograd.noGrad()) {
            Tensor v = start;
            for (int step = 0; step < k; step++) {
                Tensor h = Sampling.bernoulli(hiddenProbabilities(v), random);
                Tensor mean = visibleMean(h);
                v = visible == Visible.BERNOULLI ? Sampling.bernoulli(mean, random) : mean.add(Sampling.normal(mean, random));
            }
            return v;
        }
    }

    /** mean F(data) − mean F(chain), whose gradient is minus the CD estimate of the log-likelihood's gradient. */
    public Tensor contrastiveLoss(Tensor data, Tensor chain) {
        return freeEnergy(data).mean().sub(freeEnergy(chain.detach()).mean());
    }

    /** The mean squared error of one deterministic pass v → p(h|v) → E[v|h], the usual training monitor. */
    public Tensor reconstructionError(Tensor v) {
        return visibleMean(hiddenProbabilities(v)).sub(v).pow(2).mean();
    }
}
