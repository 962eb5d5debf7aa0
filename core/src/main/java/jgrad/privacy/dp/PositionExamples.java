package jgrad.privacy.dp;

import java.util.Map;

import jgrad.nn.transformer.PositionalEmbedding;
import jgrad.tensor.Tensor;

/**
 * Per-example gradients of {@link PositionalEmbedding}, y[b, t] = x[b, t] + P[t]: example i's gradient of P is its
 * output gradient g_i [T, d] in rows 0 … T−1 and zero below, so its squared norm is ‖g_i‖² and the clipped sum is
 * Σ_i c_i g_i in the first T rows.
 */
final class PositionExamples implements ExampleGradients {

    private final PositionalEmbedding layer;
    private final Tensor table;
    private Tensor probe;

    PositionExamples(PositionalEmbedding layer) {
        this.layer = layer;
        this.table = layer.parameters().get("P");
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = layer.forward(Map.of("P", table.detach()), x, 0);
        probe = Tensor.zeros(x.device(), x.dtype(), y.shape()).requiresGrad(true);
        return y.add(probe);
    }

    @Override
    public Tensor squaredNorms() {
        return PerExample.rowSquaredNorms(rows());
    }

    @Override
    public Map<Tensor, Tensor> clippedSums(Tensor factors) {
        int steps = probe.shape(1);
        Tensor used = PerExample.weightedRowSum(rows(), factors).reshape(steps, table.shape(1));
        int rest = table.shape(0) - steps;
        Tensor sum = rest == 0 ? used
                : Tensor.concat(0, used, Tensor.zeros(table.device(), table.dtype(), rest, table.shape(1)));
        return Map.of(table, sum);
    }

    /** g_i flattened, [B, T·d]. */
    private Tensor rows() {
        Tensor g = probe.grad();
        return g.reshape(g.shape(0), g.shape(1) * g.shape(2));
    }
}
