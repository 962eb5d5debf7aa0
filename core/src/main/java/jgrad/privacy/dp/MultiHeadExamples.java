package jgrad.privacy.dp;

import java.util.Map;

import jgrad.nn.transformer.MultiHeadAttention;
import jgrad.tensor.Tensor;

/**
 * Per-example gradients of {@link MultiHeadAttention} on x [B, T, d]. Its four projections are weights shared over
 * the T positions: [Q, K, V] = x [W_q; W_k; W_v]ᵀ + [b_q; b_k; b_v] (one stacked weight [3d, d + 1] on the inputs
 * [x_t; 1]) and y = O W_oᵀ + b_o on the heads' outputs [O_t; 1], so example i's gradients are
 * Σ_t δ^{qkv}_{i,t} [x_{i,t}; 1]ᵀ and Σ_t δ^y_{i,t} [O_{i,t}; 1]ᵀ, with δ read from probes added to [Q, K, V] and
 * to y. The softmax mixes positions, not examples, so everything between the probes is the layer's own
 * {@link MultiHeadAttention#attend}. Norms and sums as any shared weight ({@link PerExample}).
 */
final class MultiHeadExamples implements ExampleGradients {

    private final MultiHeadAttention layer;
    private final int d;
    private final Tensor[] w;
    private final Tensor[] b;
    private Tensor inputs;
    private Tensor heads;
    private Tensor projectionProbe;
    private Tensor outputProbe;

    MultiHeadExamples(MultiHeadAttention layer) {
        this.layer = layer;
        Map<String, Tensor> p = layer.parameters();
        this.d = p.get("W_q").shape(0);
        this.w = new Tensor[] {p.get("W_q"), p.get("W_k"), p.get("W_v"), p.get("W_o")};
        this.b = new Tensor[] {p.get("b_q"), p.get("b_k"), p.get("b_v"), p.get("b_o")};
    }

    @Override
    public Tensor forward(Tensor x) {
        int batch = x.shape(0);
        int steps = x.shape(1);
        Tensor a = x.contiguous();
        Tensor stacked = Tensor.concat(0, w[0].detach(), w[1].detach(), w[2].detach());
        Tensor bias = Tensor.concat(0, b[0].detach(), b[1].detach(), b[2].detach());
        projectionProbe = Tensor.zeros(a.device(), a.dtype(), batch, steps, 3 * d).requiresGrad(true);
        Tensor[] qkv = a.matmul(stacked, false, true).add(bias).add(projectionProbe).split(2, d, d, d);
        Tensor o = layer.attend(qkv[0], qkv[1], qkv[2], null).o();
        inputs = PerExample.withOnes(a.detach());
        heads = PerExample.withOnes(o.detach().contiguous());
        outputProbe = Tensor.zeros(a.device(), a.dtype(), batch, steps, d).requiresGrad(true);
        return o.matmul(w[3].detach(), false, true).add(b[3].detach()).add(outputProbe);
    }

    @Override
    public Tensor squaredNorms() {
        return PerExample.sharedWeightSquaredNorms(inputs, projectionProbe.grad())
                .add(PerExample.sharedWeightSquaredNorms(heads, outputProbe.grad()));
    }

    @Override
    public Map<Tensor, Tensor> clippedSums(Tensor factors) {
        Tensor[] rows = PerExample.sharedWeightClippedSum(inputs, projectionProbe.grad(), factors).split(0, d, d, d);
        Tensor[] out = PerExample.sharedWeightClippedSum(heads, outputProbe.grad(), factors).split(1, d, 1);
        Map<Tensor, Tensor> sums = new java.util.IdentityHashMap<>();
        for (int p = 0; p < 3; p++) {
            Tensor[] parts = rows[p].split(1, d, 1);
            sums.put(w[p], parts[0]);
            sums.put(b[p], parts[1].reshape(d));
        }
        sums.put(w[3], out[0]);
        sums.put(b[3], out[1].reshape(d));
        return sums;
    }
}
