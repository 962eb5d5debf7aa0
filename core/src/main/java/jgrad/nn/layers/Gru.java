package jgrad.nn.layers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.nn.init.Initializers;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;

/**
 * Gated recurrent unit (Cho et al. 2014, the form of Keras with reset_after=False), for each step t
 * of x [B, T, in]:
 * <pre>
 *   z_t = σ(W_xz x_t + W_hz h_{t−1} + b_z)            update gate
 *   r_t = σ(W_xr x_t + W_hr h_{t−1} + b_r)            reset gate
 *   h̃_t = tanh(W_xh x_t + W_hh (r_t ⊙ h_{t−1}) + b_h)
 *   h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t
 * </pre>
 * W_x* [H, in], W_h* [H, H], b_* [H]. Returns every h_t [B, T, H], with gradients through every step.
 * The input parts W_x* x_t + b_* of all steps are one GEMM each before the loop.
 */
public final class Gru extends Module implements Layer {

    private final int in;
    private final int hidden;
    private final boolean returnSequences;

    public Gru(int in, int hidden, RandomGenerator rng) {
        this(in, hidden, true, DType.F32, rng);
    }

    /** @param returnSequences what {@link #forward(Tensor)} returns: every h_t [B, T, H], or the last [B, H] */
    public Gru(int in, int hidden, boolean returnSequences, DType dtype, RandomGenerator rng) {
        if (in <= 0 || hidden <= 0) {
            throw new IllegalArgumentException("GRU: sizes must be positive, got in=" + in + ", H=" + hidden);
        }
        this.in = in;
        this.hidden = hidden;
        this.returnSequences = returnSequences;
        for (String g : new String[] {"z", "r", "h"}) {
            param("W_x" + g, Initializers.glorotUniform().create(rng, dtype, hidden, in));
            param("W_h" + g, Initializers.orthogonal().create(rng, dtype, hidden, hidden));
            param("b_" + g, Tensor.zeros(dtype, hidden));
        }
    }

    /** From h0 = 0: every h_t or the last (see the constructor). */
    @Override
    public Tensor forward(Tensor x) {
        Inputs.require(name(), "x", x, -1, -1, in);
        Tensor h = forward(parameters(), x, Tensor.zeros(x.dtype(), x.shape(0), hidden));
        return returnSequences ? h : h.narrow(1, h.shape(1) - 1, 1).reshape(h.shape(0), hidden);
    }

    /** Every h_t [B, T, H] from h0 [B, H]. */
    public Tensor forward(Map<String, Tensor> weights, Tensor x, Tensor h0) {
        Inputs.require(name(), "x", x, -1, -1, in);
        Inputs.require(name(), "h0", h0, x.shape(0), hidden);
        Weights w = new Weights(name(), weights);
        int batch = x.shape(0);
        int steps = x.shape(1);
        Tensor xz = inputPart(w, "z", x);
        Tensor xr = inputPart(w, "r", x);
        Tensor xh = inputPart(w, "h", x);
        Tensor W_hz = w.get("W_hz", hidden, hidden);
        Tensor W_hr = w.get("W_hr", hidden, hidden);
        Tensor W_hh = w.get("W_hh", hidden, hidden);
        Tensor h = h0;
        Tensor[] hs = new Tensor[steps];
        for (int t = 0; t < steps; t++) {
            Tensor z = step(xz, t, batch).add(h.matmul(W_hz, false, true)).sigmoid();
            Tensor r = step(xr, t, batch).add(h.matmul(W_hr, false, true)).sigmoid();
            Tensor candidate = step(xh, t, batch).add(r.mul(h).matmul(W_hh, false, true)).tanh();
            h = z.mul(h).add(z.neg().add(1).mul(candidate));
            hs[t] = h;
        }
        return steps == 0 ? Tensor.zeros(x.dtype(), batch, 0, hidden) : Tensor.stack(1, hs);
    }

    /** W_xg x_t + b_g for every step, [B, T, H]. */
    private Tensor inputPart(Weights w, String g, Tensor x) {
        return x.matmul(w.get("W_x" + g, hidden, in), false, true).add(w.get("b_" + g, hidden));
    }

    private Tensor step(Tensor perStep, int t, int batch) {
        return perStep.narrow(1, t, 1).reshape(batch, hidden);
    }

    private String name() {
        return "GRU(in=" + in + ", H=" + hidden + ")";
    }

    @Override
    public String type() {
        return "GRU";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("in", in);
        c.put("hidden", hidden);
        c.put("return_sequences", returnSequences);
        return c;
    }
}
