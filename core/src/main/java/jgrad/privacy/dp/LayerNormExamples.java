package jgrad.privacy.dp;

import java.util.Map;

import jgrad.nn.norm.LayerNorm;
import jgrad.tensor.Tensor;

/**
 * Per-example gradients of {@link LayerNorm}, y = γ ⊙ x̂ + β over the last axis (x̂ normalized within each row, so
 * examples do not mix): example i's gradients are Σ_t g_{i,t} ⊙ x̂_{i,t} for γ and Σ_t g_{i,t} for β, two [B, d]
 * matrices made in full (they are the size of the output's last axis).
 */
final class LayerNormExamples implements ExampleGradients {

    private final LayerNorm layer;
    private final Tensor gamma;
    private final Tensor beta;
    private Tensor normalized;
    private Tensor probe;

    LayerNormExamples(LayerNorm layer) {
        this.layer = layer;
        this.gamma = layer.parameters().get("gamma");
        this.beta = layer.parameters().get("beta");
    }

    @Override
    public Tensor forward(Tensor x) {
        int d = gamma.numel();
        Tensor unit = Tensor.full(x.device(), x.dtype(), 1, d);
        Tensor xhat = layer.forward(Map.of("gamma", unit, "beta", Tensor.zeros(x.device(), x.dtype(), d)), x);
        int batch = x.shape(0);
        int positions = x.numel() / Math.max(1, batch * d);
        normalized = xhat.detach().reshape(batch, positions, d);
        probe = Tensor.zeros(x.device(), x.dtype(), batch, positions, d).requiresGrad(true);
        return xhat.mul(gamma.detach()).add(beta.detach()).add(probe.reshape(xhat.shape()));
    }

    @Override
    public Tensor squaredNorms() {
        return PerExample.rowSquaredNorms(gammaRows()).add(PerExample.rowSquaredNorms(betaRows()));
    }

    @Override
    public Map<Tensor, Tensor> clippedSums(Tensor factors) {
        return Map.of(gamma, PerExample.weightedRowSum(gammaRows(), factors),
                beta, PerExample.weightedRowSum(betaRows(), factors));
    }

    /** Σ_t g_{i,t} ⊙ x̂_{i,t} [B, d]. */
    private Tensor gammaRows() {
        return probe.grad().mul(normalized).sum(1, false);
    }

    /** Σ_t g_{i,t} [B, d]. */
    private Tensor betaRows() {
        return probe.grad().sum(1, false);
    }
}
