package jgrad.privacy.dp;

import java.util.IdentityHashMap;
import java.util.Map;

import jgrad.nn.Config;
import jgrad.nn.layers.Gru;
import jgrad.tensor.Tensor;

/**
 * Per-example gradients of {@link Gru} from zero state, unrolled with tensor ops (the layer's equations, as its
 * {@code forwardUnfused}) with probes on the pre-activations. The update and reset gates read [x_t; h_{t−1}; 1] and
 * are stacked into one weight shared over the steps; the candidate reads [x_t; r_t ⊙ h_{t−1}; 1], a second one
 * ({@link GateBlocks}, {@link PerExample}). An example's squared norm is the sum of the two.
 */
final class GruExamples implements ExampleGradients {

    private final GateBlocks updateReset;
    private final GateBlocks candidate;
    private final int hidden;
    private final boolean returnSequences;
    private Tensor gateInputs;
    private Tensor candidateInputs;
    private Tensor gateProbe;
    private Tensor candidateProbe;

    GruExamples(Gru layer) {
        Config c = new Config("GRU", layer.config());
        int in = c.getInt("in");
        hidden = c.getInt("hidden");
        returnSequences = c.getBoolean("return_sequences", true);
        Map<String, Tensor> p = layer.parameters();
        updateReset = new GateBlocks(new Tensor[][] {gate(p, "z"), gate(p, "r")}, in, hidden);
        candidate = new GateBlocks(new Tensor[][] {gate(p, "h")}, in, hidden);
    }

    private static Tensor[] gate(Map<String, Tensor> p, String g) {
        return new Tensor[] {p.get("W_x" + g), p.get("W_h" + g), p.get("b_" + g)};
    }

    @Override
    public Tensor forward(Tensor x) {
        int batch = x.shape(0);
        int steps = x.shape(1);
        gateProbe = Tensor.zeros(x.device(), x.dtype(), batch, steps, 2 * hidden).requiresGrad(true);
        candidateProbe = Tensor.zeros(x.device(), x.dtype(), batch, steps, hidden).requiresGrad(true);
        Tensor gatePart = x.matmul(updateReset.stacked(0), false, true).add(updateReset.stackedBias()).add(gateProbe);
        Tensor candidatePart = x.matmul(candidate.stacked(0), false, true).add(candidate.stackedBias())
                .add(candidateProbe);
        Tensor gateRecurrent = updateReset.stacked(1);
        Tensor candidateRecurrent = candidate.stacked(1);
        Tensor h = Tensor.zeros(x.device(), x.dtype(), batch, hidden);
        Tensor[] previous = new Tensor[steps];
        Tensor[] resetPrevious = new Tensor[steps];
        Tensor[] hs = new Tensor[steps];
        for (int t = 0; t < steps; t++) {
            previous[t] = h.detach();
            Tensor[] zr = gatePart.narrow(1, t, 1).reshape(batch, 2 * hidden)
                    .add(h.matmul(gateRecurrent, false, true)).sigmoid().split(1, hidden, hidden);
            Tensor reset = zr[1].mul(h);
            resetPrevious[t] = reset.detach();
            Tensor proposal = candidatePart.narrow(1, t, 1).reshape(batch, hidden)
                    .add(reset.matmul(candidateRecurrent, false, true)).tanh();
            h = zr[0].mul(h).add(zr[0].neg().add(1).mul(proposal));
            hs[t] = h;
        }
        Tensor xc = x.contiguous();
        gateInputs = PerExample.withOnes(Tensor.concat(2, xc, Tensor.stack(1, previous)));
        candidateInputs = PerExample.withOnes(Tensor.concat(2, xc, Tensor.stack(1, resetPrevious)));
        return returnSequences ? Tensor.stack(1, hs) : h;
    }

    @Override
    public Tensor squaredNorms() {
        return PerExample.sharedWeightSquaredNorms(gateInputs, gateProbe.grad())
                .add(PerExample.sharedWeightSquaredNorms(candidateInputs, candidateProbe.grad()));
    }

    @Override
    public Map<Tensor, Tensor> clippedSums(Tensor factors) {
        Map<Tensor, Tensor> out = new IdentityHashMap<>(
                updateReset.split(PerExample.sharedWeightClippedSum(gateInputs, gateProbe.grad(), factors)));
        out.putAll(candidate.split(PerExample.sharedWeightClippedSum(candidateInputs, candidateProbe.grad(), factors)));
        return out;
    }
}
