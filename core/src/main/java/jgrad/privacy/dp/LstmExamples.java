package jgrad.privacy.dp;

import java.util.Map;

import jgrad.nn.Config;
import jgrad.nn.layers.Lstm;
import jgrad.tensor.Tensor;

/**
 * Per-example gradients of {@link Lstm} from zero state. Its four gates (f, i, o, c̃) all read [x_t; h_{t−1}; 1],
 * so their weights stacked are one weight shared over the T steps ({@link GateBlocks}): the recurrence is unrolled
 * with tensor ops (the layer's equations, as its {@code forwardUnfused}), with a probe on the stacked
 * pre-activations [B, T, 4H]; example i's gradient is Σ_t δ_{i,t} [x_{i,t}; h_{i,t−1}; 1]ᵀ ({@link PerExample}).
 */
final class LstmExamples implements ExampleGradients {

    private static final String[] GATES = {"f", "i", "o", "c"};

    private final GateBlocks gates;
    private final int hidden;
    private final boolean returnSequences;
    private Tensor inputs;
    private Tensor probe;

    LstmExamples(Lstm layer) {
        Config c = new Config("LSTM", layer.config());
        hidden = c.getInt("hidden");
        returnSequences = c.getBoolean("return_sequences", true);
        Map<String, Tensor> p = layer.parameters();
        Tensor[][] params = new Tensor[GATES.length][];
        for (int g = 0; g < GATES.length; g++) {
            params[g] = new Tensor[] {p.get("W_x" + GATES[g]), p.get("W_h" + GATES[g]), p.get("b_" + GATES[g])};
        }
        gates = new GateBlocks(params, c.getInt("in"), hidden);
    }

    @Override
    public Tensor forward(Tensor x) {
        int batch = x.shape(0);
        int steps = x.shape(1);
        probe = Tensor.zeros(x.device(), x.dtype(), batch, steps, 4 * hidden).requiresGrad(true);
        Tensor inputPart = x.matmul(gates.stacked(0), false, true).add(gates.stackedBias()).add(probe);
        Tensor recurrent = gates.stacked(1);
        Tensor h = Tensor.zeros(x.device(), x.dtype(), batch, hidden);
        Tensor c = h;
        Tensor[] previous = new Tensor[steps];
        Tensor[] hs = new Tensor[steps];
        for (int t = 0; t < steps; t++) {
            previous[t] = h.detach();
            Tensor z = inputPart.narrow(1, t, 1).reshape(batch, 4 * hidden).add(h.matmul(recurrent, false, true));
            Tensor[] g = z.split(1, hidden, hidden, hidden, hidden);
            c = g[0].sigmoid().mul(c).add(g[1].sigmoid().mul(g[3].tanh()));
            h = g[2].sigmoid().mul(c.tanh());
            hs[t] = h;
        }
        inputs = PerExample.withOnes(Tensor.concat(2, x.contiguous(), Tensor.stack(1, previous)));
        return returnSequences ? Tensor.stack(1, hs) : h;
    }

    @Override
    public Tensor squaredNorms() {
        return PerExample.sharedWeightSquaredNorms(inputs, probe.grad());
    }

    @Override
    public Map<Tensor, Tensor> clippedSums(Tensor factors) {
        return gates.split(PerExample.sharedWeightClippedSum(inputs, probe.grad(), factors));
    }
}
