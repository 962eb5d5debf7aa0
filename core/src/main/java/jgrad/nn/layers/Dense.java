package jgrad.nn.layers;

import java.util.SplittableRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.Config;
import jgrad.nn.Activation;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.nn.init.Initializer;
import jgrad.nn.init.Initializers;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * A fully connected layer (articles 001 §4.1, 002 §4.2): a = f(W a_prev + b), with W [out, in] and
 * b [out]. Inputs are rows, so a batch x [..., in] gives f(x Wᵀ + b) [..., out].
 * Defaults as in Keras: W Glorot-uniform, b zeros.
 */
public final class Dense extends Module implements Layer {

    private final int in;
    private final int out;
    private final Activation f;
    /** For error messages; made once, as forward runs on every step. */
    private final String name;
    /** The shapes W and b must have, made once for the same reason. */
    private final int[] wShape;
    private final int[] bShape;

    public Dense(int in, int out, Activation f, RandomGenerator rng) {
        this(in, out, f, DType.F32, rng);
    }

    public Dense(int in, int out, Activation f, DType dtype, RandomGenerator rng) {
        this(in, out, f, dtype, rng, Initializers.glorotUniform(), Initializers.zeros());
    }

    public Dense(int in, int out, Activation f, DType dtype, RandomGenerator rng, Initializer wInit, Initializer bInit) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Dense: sizes must be positive, got in=" + in + ", out=" + out);
        }
        this.in = in;
        this.out = out;
        this.f = f;
        this.name = "Dense(in=" + in + ", out=" + out + ", " + f.label() + ")";
        this.wShape = new int[] {out, in};
        this.bShape = new int[] {out};
        param("W", wInit.create(rng, dtype, out, in));
        param("b", bInit.create(rng, dtype, out));
    }

    @Override
    public Tensor forward(Tensor x) {
        return forward(parameters(), x);
    }

    /** f(x Wᵀ + b) with the given weights W [out, in], b [out]. */
    public Tensor forward(Map<String, Tensor> weights, Tensor x) {
        Tensor W = Weights.get(name(), weights, "W", wShape);
        Tensor b = Weights.get(name(), weights, "b", bShape);
        Inputs.requireLast(name(), "x", x, in);
        return f.apply(x.matmul(W, false, true).add(b));
    }

    /** The pre-activation z = W a_prev + b, for losses that take logits (GAN, cross-entropy). */
    public Tensor logits(Map<String, Tensor> weights, Tensor x) {
        Tensor W = Weights.get(name(), weights, "W", wShape);
        Tensor b = Weights.get(name(), weights, "b", bShape);
        Inputs.requireLast(name(), "x", x, in);
        return x.matmul(W, false, true).add(b);
    }

    public Activation activation() {
        return f;
    }

    public int in() {
        return in;
    }

    public int out() {
        return out;
    }

    private String name() {
        return name;
    }

    @Override
    public String type() {
        return "Dense";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("in", in);
        c.put("out", out);
        c.put("activation", f.label());
        if (f.kind() == Activation.Kind.LEAKY_RELU) {
            c.put("negative_slope", f.slope());
        }
        c.put("dtype", Config.dtypeName(parameters().get("W").dtype()));
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards, so the start is irrelevant. */
    public static Dense fromConfig(Map<String, Object> c) {
        Config k = new Config("Dense", c);
        Activation f = Activation.of(k.getString("activation", "linear"));
        if (f.kind() == Activation.Kind.LEAKY_RELU) {
            f = Activation.leakyRelu(k.getDouble("negative_slope", Activation.DEFAULT_LEAKY_SLOPE));
        }
        return new Dense(k.getInt("in"), k.getInt("out"), f, k.dtype(), new SplittableRandom(0));
    }
}
