package jgrad.profile;

import jgrad.tensor.Tensor;

/**
 * The exact mean log-likelihood of rows under a small RBM, by enumerating its 2^H hidden states:
 * log p(v) = −F(v) − log Z, with
 * <pre>
 *   Bernoulli visible:  log Z = logsumexp_h [ cᵀh + Σ_i softplus(b_i + (Wᵀh)_i) ]
 *   Gaussian visible:   log Z = logsumexp_h [ cᵀh + bᵀWᵀh + ½‖Wᵀh‖² ] + (V/2) log 2π
 * </pre>
 * (the Gaussian integral over v done in closed form). It is a tensor expression, so autograd gives the exact
 * gradient that contrastive divergence estimates. H is limited to 20 (a million hidden states).
 */
public final class RbmLikelihood {

    /** The largest hidden layer enumerated. */
    public static final int MAX_HIDDEN = 20;

    private RbmLikelihood() {
    }

    /** The mean over the rows of v [n, V] of log p(v): a scalar tensor. */
    public static Tensor meanLogLikelihood(Rbm rbm, Tensor v) {
        return rbm.freeEnergy(v).mean().neg().sub(logPartition(rbm));
    }

    /** log Z. */
    public static Tensor logPartition(Rbm rbm) {
        int hidden = rbm.hiddenUnits();
        if (hidden > MAX_HIDDEN) {
            throw new IllegalArgumentException("exact likelihood enumerates 2^H hidden states: H = " + hidden
                    + " is more than " + MAX_HIDDEN);
        }
        Tensor w = rbm.parameters().get("W");
        Tensor b = rbm.parameters().get("b");
        Tensor c = rbm.parameters().get("c");
        Tensor states = allStates(hidden, w);
        Tensor a = states.matmul(w);                                             // Wᵀh for every h: [2^H, V]
        Tensor hiddenTerm = states.matmul(c.reshape(hidden, 1)).reshape(-1);
        Tensor terms;
        if (rbm.visible() == Rbm.Visible.BERNOULLI) {
            terms = hiddenTerm.add(jgrad.nn.loss.Softplus.of(a.add(b)).sum(1, false));
        } else {
            terms = hiddenTerm.add(a.mul(b).sum(1, false)).add(a.mul(a).sum(1, false).mul(0.5));
        }
        Tensor max = terms.max().detach();
        Tensor logZ = terms.sub(max).exp().sum().log().add(max);
        return rbm.visible() == Rbm.Visible.BERNOULLI ? logZ
                : logZ.add(0.5 * rbm.visibleUnits() * Math.log(2 * Math.PI));
    }

    /** Every binary vector of length H as a row (row r holds the bits of r), on W's device and dtype. */
    private static Tensor allStates(int hidden, Tensor like) {
        int count = 1 << hidden;
        double[] bits = new double[count * hidden];
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < hidden; j++) {
                bits[r * hidden + j] = (r >> j) & 1;
            }
        }
        return Tensor.of(bits, count, hidden).to(like.dtype()).to(like.device());
    }
}
