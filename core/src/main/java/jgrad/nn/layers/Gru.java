package jgrad.nn.layers;

import java.util.SplittableRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Config;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.nn.init.Initializers;
import jgrad.backend.DType;
import jgrad.kernels.GruKernel;
import jgrad.kernels.Workspace;
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
 * The recurrence runs as one fused op ({@link GruKernel}); {@link #forwardUnfused} is the same
 * equations as a composition of tensor ops, kept as the reference.
 */
public final class Gru extends Module implements Layer {

    private final int in;
    private final int hidden;
    private final boolean returnSequences;
    /** The fused kernel's buffers, kept between calls (see {@link Workspace}). */
    private final Workspace.Pool workspaces = new Workspace.Pool();

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
        Tensor h = forward(parameters(), x, Tensor.zeros(x.device(), x.dtype(), x.shape(0), hidden));
        return returnSequences ? h : h.narrow(1, h.shape(1) - 1, 1).reshape(h.shape(0), hidden);
    }

    /** Every h_t [B, T, H] from h0 [B, H]: the fused kernel ({@link GruKernel}) with the given weights. */
    public Tensor forward(Map<String, Tensor> weights, Tensor x, Tensor h0) {
        checkInputs(x, h0);
        Weights w = new Weights(name(), weights);
        Tensor[] wx = new Tensor[3];
        Tensor[] wh = new Tensor[3];
        Tensor[] b = new Tensor[3];
        String[] gates = {"z", "r", "h"};
        for (int k = 0; k < 3; k++) {
            wx[k] = w.get("W_x" + gates[k], hidden, in);
            wh[k] = w.get("W_h" + gates[k], hidden, hidden);
            b[k] = w.get("b_" + gates[k], hidden);
        }
        if (wx[0].dtype() != x.dtype() || h0.dtype() != x.dtype()) {
            throw new IllegalArgumentException(name() + ": x is " + x.dtype() + ", h0 " + h0.dtype() + ", weights "
                    + wx[0].dtype());
        }
        return GruKernel.run(workspaces, x, wx, wh, b, h0);
    }

    /** The same equations step by step with tensor ops: the reference the fused kernel is tested against. */
    public Tensor forwardUnfused(Map<String, Tensor> weights, Tensor x, Tensor h0) {
        checkInputs(x, h0);
        Weights w = new Weights(name(), weights);
        int batch = x.shape(0);
        Tensor xz = inputPart(w, "z", x);
        Tensor xr = inputPart(w, "r", x);
        Tensor xh = inputPart(w, "h", x);
        Tensor W_hz = w.get("W_hz", hidden, hidden);
        Tensor W_hr = w.get("W_hr", hidden, hidden);
        Tensor W_hh = w.get("W_hh", hidden, hidden);
        Tensor h = h0;
        Tensor[] hs = new Tensor[x.shape(1)];
        for (int t = 0; t < hs.length; t++) {
            Tensor z = step(xz, t, batch).add(h.matmul(W_hz, false, true)).sigmoid();
            Tensor r = step(xr, t, batch).add(h.matmul(W_hr, false, true)).sigmoid();
            Tensor candidate = step(xh, t, batch).add(r.mul(h).matmul(W_hh, false, true)).tanh();
            h = z.mul(h).add(z.neg().add(1).mul(candidate));
            hs[t] = h;
        }
        return Tensor.stack(1, hs);
    }

    private void checkInputs(Tensor x, Tensor h0) {
        Inputs.require(name(), "x", x, -1, -1, in);
        if (x.shape(0) == 0 || x.shape(1) == 0) {
            throw new IllegalArgumentException(name() + ": input 'x' has shape " + jgrad.tensor.Shapes.format(x.shape())
                    + ", needs at least one sequence of at least one step");
        }
        Inputs.require(name(), "h0", h0, x.shape(0), hidden);
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
        c.put("dtype", Config.dtypeName(parameters().get("W_xz").dtype()));
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards. */
    public static Gru fromConfig(Map<String, Object> c) {
        Config k = new Config("GRU", c);
        return new Gru(k.getInt("in"), k.getInt("hidden"), k.getBoolean("return_sequences", true),
                k.dtype(), new SplittableRandom(0));
    }
}
