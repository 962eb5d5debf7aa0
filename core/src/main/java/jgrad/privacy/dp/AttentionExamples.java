package jgrad.privacy.dp;

import java.util.IdentityHashMap;
import java.util.Map;

import jgrad.nn.layers.Attention;
import jgrad.tensor.Tensor;

/**
 * Per-example gradients of {@link Attention} pooling as a layer (x [B, T, d], query h = x_T), for the scores with
 * parameters (dot has none):
 * <ul>
 * <li>general, e_t = x_t · (W h): W acts once per example on h, so its gradient is one outer product δ hᵀ with δ
 * the gradient of the projected query W h (a probe), and its squared norm ‖δ‖²‖h‖²;</li>
 * <li>mlp, e_t = vᵀ tanh(u_t) with u_t = W_x x_t + W_h h + b: with δ_t = ∂ℓ/∂u_t (a probe on u) and ε_t = ∂ℓ/∂e_t
 * (a probe on e), W_x's gradient is Σ_t δ_t x_tᵀ, [W_h, b]'s is (Σ_t δ_t) [h; 1]ᵀ and v's is Σ_t ε_t tanh(u_t).</li>
 * </ul>
 * The pooling between the probes is the layer's own ({@link Attention#attend}, {@link Attention#pool}).
 */
final class AttentionExamples implements ExampleGradients {

    private final Attention layer;
    private final Map<String, Tensor> weights;
    private Tensor query;
    private Tensor sequence;
    private Tensor hidden;
    private Tensor queryProbe;
    private Tensor hiddenProbe;
    private Tensor scoreProbe;

    AttentionExamples(Attention layer) {
        this.layer = layer;
        this.weights = layer.parameters();
    }

    @Override
    public Tensor forward(Tensor x) {
        int batch = x.shape(0);
        Tensor h = layer.lastQuery(x);
        query = h.detach().contiguous().reshape(batch, 1, h.shape(1));
        sequence = x.detach().contiguous();
        return switch (layer.score()) {
            case GENERAL -> general(x, h);
            case MLP -> mlp(x, h);
            case DOT -> throw new IllegalStateException("dot attention has no parameters to read");
        };
    }

    private Tensor general(Tensor x, Tensor h) {
        Tensor projected = h.matmul(weights.get("W").detach(), false, true);
        queryProbe = Tensor.zeros(x.device(), x.dtype(), projected.shape()).requiresGrad(true);
        return layer.attend(x, projected.add(queryProbe), null).c();
    }

    private Tensor mlp(Tensor x, Tensor h) {
        int batch = x.shape(0);
        int steps = x.shape(1);
        int a = layer.hidden();
        Tensor fromQuery = h.matmul(weights.get("W_h").detach(), false, true).add(weights.get("b").detach());
        hiddenProbe = Tensor.zeros(x.device(), x.dtype(), batch, steps, a).requiresGrad(true);
        Tensor u = x.matmul(weights.get("W_x").detach(), false, true).add(fromQuery.unsqueeze(1)).add(hiddenProbe);
        Tensor activated = u.tanh();
        hidden = activated.detach();
        scoreProbe = Tensor.zeros(x.device(), x.dtype(), batch, steps).requiresGrad(true);
        Tensor e = activated.matmul(weights.get("v").detach().reshape(a, 1)).squeeze(2).add(scoreProbe);
        return layer.pool(x, e, null).c();
    }

    @Override
    public Tensor squaredNorms() {
        if (layer.score() == Attention.Score.GENERAL) {
            return PerExample.sharedWeightSquaredNorms(query, queryGradient());
        }
        return PerExample.sharedWeightSquaredNorms(sequence, hiddenProbe.grad())
                .add(PerExample.sharedWeightSquaredNorms(PerExample.withOnes(query), queryPartGradient()))
                .add(PerExample.sharedWeightSquaredNorms(hidden, scoreGradient()));
    }

    @Override
    public Map<Tensor, Tensor> clippedSums(Tensor factors) {
        Map<Tensor, Tensor> sums = new IdentityHashMap<>();
        if (layer.score() == Attention.Score.GENERAL) {
            sums.put(weights.get("W"), PerExample.sharedWeightClippedSum(query, queryGradient(), factors));
            return sums;
        }
        int q = query.shape(2);
        sums.put(weights.get("W_x"), PerExample.sharedWeightClippedSum(sequence, hiddenProbe.grad(), factors));
        Tensor[] fromQuery = PerExample.sharedWeightClippedSum(PerExample.withOnes(query), queryPartGradient(), factors)
                .split(1, q, 1);
        sums.put(weights.get("W_h"), fromQuery[0]);
        sums.put(weights.get("b"), fromQuery[1].reshape(layer.hidden()));
        sums.put(weights.get("v"), PerExample.sharedWeightClippedSum(hidden, scoreGradient(), factors)
                .reshape(layer.hidden()));
        return sums;
    }

    /** δ of the projected query W h, [B, 1, d]. */
    private Tensor queryGradient() {
        Tensor g = queryProbe.grad();
        return g.reshape(g.shape(0), 1, g.shape(1));
    }

    /** Σ_t δ_t [B, 1, a]: the gradient of W_h h + b, which every position shares. */
    private Tensor queryPartGradient() {
        return hiddenProbe.grad().sum(1, true);
    }

    /** ε_t [B, T, 1]. */
    private Tensor scoreGradient() {
        Tensor g = scoreProbe.grad();
        return g.reshape(g.shape(0), g.shape(1), 1);
    }
}
