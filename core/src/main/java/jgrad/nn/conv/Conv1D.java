package jgrad.nn.conv;

import jgrad.nn.Config;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.backend.ConvGeometry;
import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.kernels.ConvKernel;
import jgrad.nn.Weights;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * A 1-d convolution over channels-first signals (text as [B, embedding, L], Kim 2014): for
 * x [B, C, L], W [C_out, C, k], b [C_out],
 * <pre>
 *   y[n, o, i] = f( b[o] + Σ_{c, u} W[o, c, u] · xp[n, c, i·s + u·d] ),   L_out = floor((L + 2p − d(k − 1) − 1) / s) + 1
 * </pre>
 * with p zeros on both sides. It is {@link Conv2D}'s arithmetic on images of height 1 (im2col and
 * GEMMs, a ReLU fused into the same op). Defaults as Keras: W Glorot-uniform (fan_in = C·k, fan_out = C_out·k), b zeros.
 */
public final class Conv1D extends Module implements Layer {

    private final int in;
    private final int filters;
    private final int k;
    private final int stride;
    private final int dilation;
    private final Padding padding;
    private final Activation f;

    /** Conv1D(filters, k, activation) of Keras: stride 1, "valid", no dilation. */
    public Conv1D(int in, int filters, int k, Activation f, RandomGenerator rng) {
        this(in, filters, k, 1, Padding.valid(), 1, f, DType.F32, rng);
    }

    public Conv1D(int in, int filters, int k, int stride, Padding padding, int dilation, Activation f, DType dtype,
                  RandomGenerator rng) {
        Convolution.requirePositive("Conv1D", "channels and filters", in, filters);
        Convolution.requirePositive("Conv1D", "kernel size", k);
        Convolution.requirePositive("Conv1D", "stride", stride);
        Convolution.requirePositive("Conv1D", "dilation", dilation);
        this.in = in;
        this.filters = filters;
        this.k = k;
        this.stride = stride;
        this.dilation = dilation;
        this.padding = padding;
        this.f = f;
        param("W", Convolution.glorot(rng, dtype, filters, in, k));
        param("b", Tensor.zeros(dtype, filters));
    }

    @Override
    public Tensor forward(Tensor x) {
        return forward(parameters(), x);
    }

    /** f(conv(x, W) + b) with the given weights W [C_out, C, k] and b [C_out]. */
    public Tensor forward(Map<String, Tensor> weights, Tensor x) {
        Weights w = new Weights(name(), weights);
        Tensor W = w.get("W", filters, in, k);
        Tensor b = w.get("b", filters);
        Convolution.requireInput(name(), x, 3, in, "[B, C, L]");
        ConvGeometry g = geometry(x);
        Tensor y = Convolution.forward(x.reshape(x.shape(0), in, 1, x.shape(2)), W, b, g, f);
        return y.reshape(x.shape(0), filters, g.outW());
    }

    /**
     * The same convolution of x laid out channels last, [B, L, C] (Keras's Conv1D layout, and an {@link
     * jgrad.nn.layers.Embedding}'s output), still giving [B, C_out, L_out]: equal to {@code forward(weights,
     * x.permute(0, 2, 1))} without the copy to channels first, and with a ReLU fused as there.
     */
    public Tensor forwardChannelsLast(Map<String, Tensor> weights, Tensor x) {
        Weights w = new Weights(name(), weights);
        Tensor W = w.get("W", filters, in, k);
        Tensor b = w.get("b", filters);
        if (x.rank() != 3 || x.shape(2) != in) {
            throw new IllegalArgumentException(name() + ": input has shape " + Shapes.format(x.shape())
                    + ", expected [B, L, C] with C = " + in);
        }
        ConvGeometry g = geometry(x.shape(0), x.shape(1));
        boolean relu = f.kind() == Activation.Kind.RELU;
        Tensor z = ConvKernel.runChannelsLast(x, W, b, g, relu);
        return relu ? z : f.apply(z);
    }

    private ConvGeometry geometry(Tensor x) {
        return geometry(x.shape(0), x.shape(2));
    }

    private ConvGeometry geometry(int batch, int length) {
        int p = padding.resolve(1, length, k, stride, dilation);
        try {
            return new ConvGeometry(batch, in, 1, length, 1, k, 1, stride, 0, p, 1, dilation);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name() + ": " + e.getMessage(), e);
        }
    }

    private String name() {
        return "Conv1D(in=" + in + ", filters=" + filters + ", kernel=" + k + ")";
    }

    @Override
    public String type() {
        return "Conv1D";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("in", in);
        c.put("filters", filters);
        c.put("kernel", k);
        c.put("stride", stride);
        c.put("padding", padding.label());
        c.put("dilation", dilation);
        c.put("activation", f.label());
        c.put("dtype", Config.dtypeName(parameters().get("W").dtype()));
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards, so the start is irrelevant. */
    public static Conv1D fromConfig(Map<String, Object> c) {
        Config k = new Config("Conv1D", c);
        return new Conv1D(k.getInt("in"), k.getInt("filters"), k.getInt("kernel"), k.getInt("stride", 1),
                Padding.parse(k.getString("padding", "valid")), k.getInt("dilation", 1),
                Activation.of(k.getString("activation", "linear")), k.dtype(), new java.util.SplittableRandom(0));
    }
}
