package jgrad.privacy.dp;

import java.util.Map;

import jgrad.nn.Activation;
import jgrad.nn.Config;
import jgrad.nn.layers.Rnn;
import jgrad.tensor.Tensor;

/**
 * Per-example gradients of the simple recurrent layer {@link Rnn}, h_t = σ(W_xh x_t + W_hh h_{t−1} + b_h),
 * y_t = g(W_hy h_t + b_y), from h_0 = 0. The recurrence is unrolled with tensor ops (the layer's own equations,
 * as its {@code forwardUnfused}) with a probe on each pre-activation z_t, so that example i's gradient of
 * [W_xh W_hh b_h] is Σ_t δ_{i,t} [x_{i,t}; h_{i,t−1}; 1]ᵀ — one weight shared over the T steps — and that of
 * [W_hy b_y] is Σ_t ε_{i,t} [h_{i,t}; 1]ᵀ ({@link PerExample}).
 */
final class RnnExamples implements ExampleGradients {

    private final Tensor wxh;
    private final Tensor whh;
    private final Tensor bh;
    private final Tensor why;
    private final Tensor by;
    private final int in;
    private final int hidden;
    private final int out;
    private final Activation sigma;
    private final Activation g;
    private final boolean returnSequences;
    private Tensor recurrentInputs;
    private Tensor outputInputs;
    private Tensor hiddenProbe;
    private Tensor outputProbe;

    RnnExamples(Rnn layer) {
        Map<String, Tensor> p = layer.parameters();
        Config c = new Config("RNN", layer.config());
        wxh = p.get("W_xh");
        whh = p.get("W_hh");
        bh = p.get("b_h");
        why = p.get("W_hy");
        by = p.get("b_y");
        in = c.getInt("in");
        hidden = c.getInt("hidden");
        out = c.getInt("out");
        sigma = Activation.of(c.getString("activation", "tanh"));
        g = Activation.of(c.getString("output_activation", "linear"));
        returnSequences = c.getBoolean("return_sequences", true);
    }

    @Override
    public Tensor forward(Tensor x) {
        int batch = x.shape(0);
        int steps = x.shape(1);
        hiddenProbe = Tensor.zeros(x.device(), x.dtype(), batch, steps, hidden).requiresGrad(true);
        Tensor inputPart = x.matmul(wxh.detach(), false, true).add(bh.detach()).add(hiddenProbe);
        Tensor h = Tensor.zeros(x.device(), x.dtype(), batch, hidden);
        Tensor[] previous = new Tensor[steps];
        Tensor[] hs = new Tensor[steps];
        for (int t = 0; t < steps; t++) {
            previous[t] = h.detach();
            Tensor z = inputPart.narrow(1, t, 1).reshape(batch, hidden).add(h.matmul(whh.detach(), false, true));
            h = sigma.apply(z);
            hs[t] = h;
        }
        Tensor hAll = Tensor.stack(1, hs);
        recurrentInputs = PerExample.withOnes(Tensor.concat(2, x.contiguous(), Tensor.stack(1, previous)));
        outputInputs = PerExample.withOnes(hAll.detach());
        outputProbe = Tensor.zeros(x.device(), x.dtype(), batch, steps, out).requiresGrad(true);
        Tensor y = g.apply(hAll.matmul(why.detach(), false, true).add(by.detach()).add(outputProbe));
        return returnSequences ? y : y.narrow(1, steps - 1, 1).reshape(batch, out);
    }

    @Override
    public Tensor squaredNorms() {
        return PerExample.sharedWeightSquaredNorms(recurrentInputs, hiddenProbe.grad())
                .add(PerExample.sharedWeightSquaredNorms(outputInputs, outputProbe.grad()));
    }

    @Override
    public Map<Tensor, Tensor> clippedSums(Tensor factors) {
        Tensor[] recurrent = PerExample.sharedWeightClippedSum(recurrentInputs, hiddenProbe.grad(), factors)
                .split(1, in, hidden, 1);
        Tensor[] output = PerExample.sharedWeightClippedSum(outputInputs, outputProbe.grad(), factors).split(1, hidden, 1);
        return Map.of(wxh, recurrent[0], whh, recurrent[1], bh, recurrent[2].reshape(hidden),
                why, output[0], by, output[1].reshape(out));
    }
}
