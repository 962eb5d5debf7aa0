package jgrad.privacy.dp;

import java.util.Map;

import jgrad.nn.layers.Dense;
import jgrad.tensor.Tensor;

/**
 * Per-example gradients of {@link Dense}, z = a Wᵀ + b on inputs [B, in] or [B, T, in]: example i's gradient is
 * Σ_t δ_{i,t} [a_{i,t}; 1]ᵀ (one outer product when T = 1, Goodfellow 2015), δ read from a probe added to z.
 */
final class DenseExamples implements ExampleGradients {

    private final Dense layer;
    private final Tensor w;
    private final Tensor b;
    private Tensor inputs;
    private Tensor probe;

    DenseExamples(Dense layer) {
        this.layer = layer;
        this.w = layer.parameters().get("W");
        this.b = layer.parameters().get("b");
    }

    @Override
    public Tensor forward(Tensor x) {
        int batch = x.shape(0);
        int positions = x.numel() / Math.max(1, batch * layer.in());
        Tensor a = x.contiguous();
        Tensor z = layer.logits(Map.of("W", w.detach(), "b", b.detach()), a);
        inputs = PerExample.withOnes(a.reshape(batch, positions, layer.in()));
        probe = Tensor.zeros(a.device(), a.dtype(), batch, positions, layer.out()).requiresGrad(true);
        return layer.activation().apply(z.add(probe.reshape(z.shape())));
    }

    @Override
    public Tensor squaredNorms() {
        return PerExample.sharedWeightSquaredNorms(inputs, probe.grad());
    }

    @Override
    public Map<Tensor, Tensor> clippedSums(Tensor factors) {
        Tensor[] parts = PerExample.sharedWeightClippedSum(inputs, probe.grad(), factors).split(1, layer.in(), 1);
        return Map.of(w, parts[0], b, parts[1].reshape(layer.out()));
    }
}
