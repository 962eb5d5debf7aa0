package jgrad.nn.layers;

import java.util.SplittableRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.backend.UnaryOp;
import jgrad.nn.Config;
import jgrad.nn.Activation;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.nn.init.Initializers;
import jgrad.backend.DType;
import jgrad.kernels.RnnKernel;
import jgrad.kernels.Workspace;
import jgrad.tensor.Tensor;

/**
 * A simple recurrent network (articles 000 §4.1, 003 §4.2), for each step t of x [B, T, in]:
 * <pre>
 *   h_t = σ(W_xh x_t + W_hh h_{t−1} + b_h)
 *   y_t = g(W_hy h_t + b_y)
 * </pre>
 * W_xh [H, in], W_hh [H, H], b_h [H], W_hy [out, H], b_y [out]; σ is tanh, sigmoid or relu, and g
 * the output activation of article 003 (linear by default, as in article 000). Returns every h_t
 * [B, T, H] and y_t [B, T, out], with gradients through every step.
 * The recurrence runs as one fused op ({@link RnnKernel}); y for all steps is one GEMM after it.
 * {@link #forwardUnfused} is the same equations as a composition of tensor ops, kept as the reference.
 */
public final class Rnn extends Module implements Layer {

    /** h and y after every step: [B, T, H] and [B, T, out]. */
    public record Output(Tensor h, Tensor y) {
    }

    private final int in;
    private final int hidden;
    private final int out;
    private final Activation sigma;
    private final Activation g;
    private final boolean returnSequences;
    /** The fused kernel's buffers, kept between calls (see {@link Workspace}). */
    private final Workspace.Pool workspaces = new Workspace.Pool();

    public Rnn(int in, int hidden, int out, Activation sigma, RandomGenerator rng) {
        this(in, hidden, out, sigma, Activation.LINEAR, true, DType.F32, rng);
    }

    /** @param returnSequences what {@link #forward(Tensor)} returns: every y_t [B, T, out], or the last [B, out] */
    public Rnn(int in, int hidden, int out, Activation sigma, Activation g, boolean returnSequences,
               DType dtype, RandomGenerator rng) {
        if (in <= 0 || hidden <= 0 || out <= 0) {
            throw new IllegalArgumentException("RNN: sizes must be positive, got in=" + in + ", H=" + hidden + ", out=" + out);
        }
        if (sigma.kind() != Activation.Kind.TANH && sigma.kind() != Activation.Kind.SIGMOID
                && sigma.kind() != Activation.Kind.RELU) {
            throw new IllegalArgumentException("RNN: σ must be tanh, sigmoid or relu, got " + sigma.label());
        }
        this.in = in;
        this.hidden = hidden;
        this.out = out;
        this.sigma = sigma;
        this.g = g;
        this.returnSequences = returnSequences;
        param("W_xh", Initializers.glorotUniform().create(rng, dtype, hidden, in));
        param("W_hh", Initializers.orthogonal().create(rng, dtype, hidden, hidden));
        param("b_h", Tensor.zeros(dtype, hidden));
        param("W_hy", Initializers.glorotUniform().create(rng, dtype, out, hidden));
        param("b_y", Tensor.zeros(dtype, out));
    }

    /** From h0 = 0: every y_t or the last (see the constructor). */
    @Override
    public Tensor forward(Tensor x) {
        Inputs.require(name(), "x", x, -1, -1, in);
        Tensor y = forward(parameters(), x, Tensor.zeros(x.device(), x.dtype(), x.shape(0), hidden)).y();
        return returnSequences ? y : y.narrow(1, y.shape(1) - 1, 1).reshape(y.shape(0), out);
    }

    public Output forward(Tensor x, Tensor h0) {
        return forward(parameters(), x, h0);
    }

    /** The fused recurrence ({@link RnnKernel}) with the given weights. */
    public Output forward(Map<String, Tensor> weights, Tensor x, Tensor h0) {
        checkInputs(x, h0);
        Weights w = new Weights(name(), weights);
        Tensor W_xh = w.get("W_xh", hidden, in);
        if (W_xh.dtype() != x.dtype() || h0.dtype() != x.dtype()) {
            throw new IllegalArgumentException(name() + ": x is " + x.dtype() + ", h0 " + h0.dtype() + ", weights "
                    + W_xh.dtype());
        }
        Tensor hAll = RnnKernel.run(workspaces, sigmaOp(), x, W_xh, w.get("W_hh", hidden, hidden), w.get("b_h", hidden), h0);
        return new Output(hAll, output(w, hAll));
    }

    /** The same equations step by step with tensor ops: the reference the fused kernel is tested against. */
    public Output forwardUnfused(Map<String, Tensor> weights, Tensor x, Tensor h0) {
        checkInputs(x, h0);
        Weights w = new Weights(name(), weights);
        Tensor W_hh = w.get("W_hh", hidden, hidden);
        int batch = x.shape(0);
        Tensor inputPart = x.matmul(w.get("W_xh", hidden, in), false, true).add(w.get("b_h", hidden));
        Tensor h = h0;
        Tensor[] hs = new Tensor[x.shape(1)];
        for (int t = 0; t < hs.length; t++) {
            Tensor xPart = inputPart.narrow(1, t, 1).reshape(batch, hidden);
            h = sigma.apply(xPart.add(h.matmul(W_hh, false, true)));
            hs[t] = h;
        }
        Tensor hAll = Tensor.stack(1, hs);
        return new Output(hAll, output(w, hAll));
    }

    /** y_t = g(W_hy h_t + b_y) for every step at once. */
    private Tensor output(Weights w, Tensor hAll) {
        return g.apply(hAll.matmul(w.get("W_hy", out, hidden), false, true).add(w.get("b_y", out)));
    }

    private void checkInputs(Tensor x, Tensor h0) {
        Inputs.require(name(), "x", x, -1, -1, in);
        if (x.shape(0) == 0 || x.shape(1) == 0) {
            throw new IllegalArgumentException(name() + ": input 'x' has shape " + jgrad.tensor.Shapes.format(x.shape())
                    + ", needs at least one sequence of at least one step");
        }
        Inputs.require(name(), "h0", h0, x.shape(0), hidden);
    }

    private UnaryOp sigmaOp() {
        return switch (sigma.kind()) {
            case TANH -> UnaryOp.TANH;
            case SIGMOID -> UnaryOp.SIGMOID;
            default -> UnaryOp.RELU;
        };
    }

    private String name() {
        return "RNN(in=" + in + ", H=" + hidden + ", out=" + out + ", " + sigma.label() + ")";
    }

    @Override
    public String type() {
        return "RNN";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("in", in);
        c.put("hidden", hidden);
        c.put("out", out);
        c.put("activation", sigma.label());
        c.put("output_activation", g.label());
        c.put("return_sequences", returnSequences);
        c.put("dtype", Config.dtypeName(parameters().get("W_xh").dtype()));
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards. */
    public static Rnn fromConfig(Map<String, Object> c) {
        Config k = new Config("RNN", c);
        return new Rnn(k.getInt("in"), k.getInt("hidden"), k.getInt("out"),
                Activation.of(k.getString("activation", "tanh")),
                Activation.of(k.getString("output_activation", "linear")),
                k.getBoolean("return_sequences", true), k.dtype(), new SplittableRandom(0));
    }
}
