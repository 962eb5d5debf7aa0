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
import jgrad.kernels.LstmKernel;
import jgrad.kernels.Workspace;
import jgrad.tensor.Tensor;

/**
 * Long short-term memory (article 000 §4.2), for each step t of x [B, T, in]:
 * <pre>
 *   f_t = σ(W_xf x_t + W_hf h_{t−1} + b_f)
 *   i_t = σ(W_xi x_t + W_hi h_{t−1} + b_i)
 *   o_t = σ(W_xo x_t + W_ho h_{t−1} + b_o)
 *   c̃_t = tanh(W_xc x_t + W_hc h_{t−1} + b_c)
 *   c_t = f_t ⊙ c_{t−1} + i_t ⊙ c̃_t
 *   h_t = o_t ⊙ tanh(c_t)
 * </pre>
 * W_x* [H, in], W_h* [H, H], b_* [H]. Returns h and c after every step, [B, T, H] each, with
 * gradients through every step (full BPTT). The forward runs as one fused op ({@link LstmKernel});
 * {@link #forwardUnfused} is the same equations as a composition of tensor ops, kept as the reference.
 * Start as in Keras: W_x* Glorot-uniform, W_h* orthogonal, b_f = 1 (so that it remembers at first), other b zeros.
 */
public final class Lstm extends Module implements Layer {

    /** The gates in the order of the stacked weights: forget, input, output, candidate. */
    private static final String[] GATES = {"f", "i", "o", "c"};

    /** h and c after every step, [B, T, H] each. */
    public record Output(Tensor h, Tensor c) {

        /** h after the last step, [B, H]. */
        public Tensor lastH() {
            return h.narrow(1, h.shape(1) - 1, 1).reshape(h.shape(0), h.shape(2));
        }

        public Tensor lastC() {
            return c.narrow(1, c.shape(1) - 1, 1).reshape(c.shape(0), c.shape(2));
        }
    }

    private final int in;
    private final int hidden;
    /** For error messages; made once, as forward runs on every step. */
    private final String name;
    private final boolean returnSequences;
    /** The fused kernel's buffers, kept between calls (see {@link Workspace}). */
    private final Workspace.Pool workspaces = new Workspace.Pool();

    public Lstm(int in, int hidden, RandomGenerator rng) {
        this(in, hidden, true, DType.F32, rng);
    }

    /** @param returnSequences what {@link #forward(Tensor)} returns: every h_t [B, T, H], or the last [B, H] */
    public Lstm(int in, int hidden, boolean returnSequences, DType dtype, RandomGenerator rng) {
        if (in <= 0 || hidden <= 0) {
            throw new IllegalArgumentException("LSTM: sizes must be positive, got in=" + in + ", H=" + hidden);
        }
        this.in = in;
        this.hidden = hidden;
        this.name = "LSTM(in=" + in + ", H=" + hidden + ")";
        this.returnSequences = returnSequences;
        for (String g : GATES) {
            param("W_x" + g, Initializers.glorotUniform().create(rng, dtype, hidden, in));
            param("W_h" + g, Initializers.orthogonal().create(rng, dtype, hidden, hidden));
            param("b_" + g, Initializers.constant(g.equals("f") ? 1 : 0).create(rng, dtype, hidden));
        }
    }

    /** From zero state; every h_t [B, T, H] or the last h [B, H] (see the constructor). */
    @Override
    public Tensor forward(Tensor x) {
        Tensor zero = Tensor.zeros(x.device(), x.dtype(), x.rank() == 3 ? x.shape(0) : 1, hidden);
        Output out = forward(parameters(), x, zero, zero);
        return returnSequences ? out.h() : out.lastH();
    }

    public Output forward(Tensor x, Tensor h0, Tensor c0) {
        return forward(parameters(), x, h0, c0);
    }

    /** The fused forward with the given weights. */
    public Output forward(Map<String, Tensor> weights, Tensor x, Tensor h0, Tensor c0) {
        checkInputs(x, h0, c0);
        Weights w = new Weights(name(), weights);
        Tensor[] wx = new Tensor[4];
        Tensor[] wh = new Tensor[4];
        Tensor[] b = new Tensor[4];
        for (int k = 0; k < 4; k++) {
            wx[k] = w.get("W_x" + GATES[k], hidden, in);
            wh[k] = w.get("W_h" + GATES[k], hidden, hidden);
            b[k] = w.get("b_" + GATES[k], hidden);
        }
        checkDtypes(x, h0, c0, wx[0]);
        Tensor hc = LstmKernel.run(workspaces, x, wx, wh, b, h0, c0);
        int batch = x.shape(0);
        return new Output(hc.narrow(0, 0, batch), hc.narrow(0, batch, batch));
    }

    /** The six equations step by step with tensor ops: the reference the fused op is tested against. */
    public Output forwardUnfused(Map<String, Tensor> weights, Tensor x, Tensor h0, Tensor c0) {
        checkInputs(x, h0, c0);
        Weights w = new Weights(name(), weights);
        int steps = x.shape(1);
        Tensor h = h0;
        Tensor c = c0;
        Tensor[] hs = new Tensor[steps];
        Tensor[] cs = new Tensor[steps];
        for (int t = 0; t < steps; t++) {
            Tensor xt = x.narrow(1, t, 1).reshape(x.shape(0), in);
            Tensor f = gate(w, "f", xt, h).sigmoid();
            Tensor i = gate(w, "i", xt, h).sigmoid();
            Tensor o = gate(w, "o", xt, h).sigmoid();
            Tensor cand = gate(w, "c", xt, h).tanh();
            c = f.mul(c).add(i.mul(cand));
            h = o.mul(c.tanh());
            hs[t] = h;
            cs[t] = c;
        }
        return new Output(Tensor.stack(1, hs), Tensor.stack(1, cs));
    }

    /** W_xg x_t + W_hg h_{t−1} + b_g for gate g, with batch rows. */
    private Tensor gate(Weights w, String g, Tensor xt, Tensor h) {
        return xt.matmul(w.get("W_x" + g, hidden, in), false, true)
                .add(h.matmul(w.get("W_h" + g, hidden, hidden), false, true))
                .add(w.get("b_" + g, hidden));
    }

    private void checkInputs(Tensor x, Tensor h0, Tensor c0) {
        Inputs.require(name(), "x", x, -1, -1, in);
        if (x.shape(0) == 0 || x.shape(1) == 0) {
            throw new IllegalArgumentException(name() + ": input 'x' has shape " + jgrad.tensor.Shapes.format(x.shape())
                    + ", needs at least one sequence of at least one step");
        }
        Inputs.require(name(), "h0", h0, x.shape(0), hidden);
        Inputs.require(name(), "c0", c0, x.shape(0), hidden);
    }

    private void checkDtypes(Tensor... ts) {
        for (Tensor t : ts) {
            if (t.dtype() != ts[0].dtype()) {
                throw new IllegalArgumentException(name() + ": inputs and weights mix " + ts[0].dtype() + " and " + t.dtype());
            }
        }
    }

    private String name() {
        return name;
    }

    @Override
    public String type() {
        return "LSTM";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("in", in);
        c.put("hidden", hidden);
        c.put("return_sequences", returnSequences);
        c.put("dtype", Config.dtypeName(parameters().get("W_xf").dtype()));
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards. */
    public static Lstm fromConfig(Map<String, Object> c) {
        Config k = new Config("LSTM", c);
        return new Lstm(k.getInt("in"), k.getInt("hidden"), k.getBoolean("return_sequences", true),
                k.dtype(), new SplittableRandom(0));
    }
}
