package jgrad.nn.conv;

import jgrad.nn.Config;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.backend.ConvGeometry;
import jgrad.backend.DType;
import jgrad.kernels.ConvKernel;
import jgrad.nn.Activation;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.tensor.Tensor;

/**
 * A 2-d convolution over channels-first images (articles 000 §4.1, 003 §4.1), cross-correlation as
 * in PyTorch and Keras (the kernel is not flipped): for x [B, C, H, W], W [C_out, C, kh, kw], b [C_out],
 * <pre>
 *   y[n, o, i, j] = f( b[o] + Σ_{c, u, v} W[o, c, u, v] · xp[n, c, i·sh + u·dh, j·sw + v·dw] )
 * </pre>
 * where xp is x with ph rows of zeros above and below and pw columns left and right, and
 * H_out = floor((H + 2ph − dh(kh − 1) − 1) / sh) + 1 (W_out likewise). Computed as im2col and GEMMs
 * with the packed kernel, a ReLU fused into the same op ({@link jgrad.kernels.ConvKernel}). Defaults as Keras: W Glorot-uniform (fan_in = C·kh·kw, fan_out = C_out·kh·kw), b zeros.
 */
public final class Conv2D extends Module implements Layer {

    private final int in;
    private final int filters;
    private final int kh;
    private final int kw;
    private final int[] stride;
    private final int[] dilation;
    private final Padding padding;
    private final Activation f;

    /** Conv2D(filters, (k, k), activation) of Keras: stride 1, "valid", no dilation. */
    public Conv2D(int in, int filters, int k, Activation f, RandomGenerator rng) {
        this(in, filters, new int[] {k, k}, new int[] {1, 1}, Padding.valid(), new int[] {1, 1}, f, DType.F32, rng);
    }

    public Conv2D(int in, int filters, int[] kernel, int[] stride, Padding padding, int[] dilation, Activation f,
                  DType dtype, RandomGenerator rng) {
        Convolution.requirePositive("Conv2D", "channels and filters", in, filters);
        Convolution.requirePositive("Conv2D", "kernel size", kernel);
        Convolution.requirePositive("Conv2D", "stride", stride);
        Convolution.requirePositive("Conv2D", "dilation", dilation);
        this.in = in;
        this.filters = filters;
        this.kh = kernel[0];
        this.kw = kernel[1];
        this.stride = stride.clone();
        this.dilation = dilation.clone();
        this.padding = padding;
        this.f = f;
        param("W", Convolution.glorot(rng, dtype, filters, in, kh, kw));
        param("b", Tensor.zeros(dtype, filters));
    }

    @Override
    public Tensor forward(Tensor x) {
        return forward(parameters(), x);
    }

    /** f(conv(x, W) + b) with the given weights W [C_out, C, kh, kw] and b [C_out]. */
    public Tensor forward(Map<String, Tensor> weights, Tensor x) {
        Weights w = new Weights(name(), weights);
        Tensor W = w.get("W", filters, in, kh, kw);
        Tensor b = w.get("b", filters);
        Convolution.requireInput(name(), x, 4, in, "[B, C, H, W]");
        return Convolution.forward(x, W, b, geometry(x), f);
    }

    /**
     * pool(f(conv(x, W) + b)): with a ReLU, one op that pools while the convolution's output is in cache and keeps
     * for the backward only what the pooling needs ({@link jgrad.kernels.ConvKernel#runMaxPooled}); the same
     * numbers, to the bit, as {@code pool.forward(forward(x))}, which it is for any other activation.
     */
    public Tensor forward(Tensor x, MaxPool2D pool) {
        return forward(parameters(), x, pool);
    }

    /** {@link #forward(Tensor, MaxPool2D)} with the given weights W [C_out, C, kh, kw] and b [C_out]. */
    public Tensor forward(Map<String, Tensor> weights, Tensor x, MaxPool2D pool) {
        if (f.kind() != Activation.Kind.RELU) {
            return pool.forward(forward(weights, x));
        }
        Weights w = new Weights(name(), weights);
        Tensor W = w.get("W", filters, in, kh, kw);
        Tensor b = w.get("b", filters);
        Convolution.requireInput(name(), x, 4, in, "[B, C, H, W]");
        ConvGeometry g = geometry(x);
        ConvGeometry windows = pool.geometry(g.batch(), filters, g.outH(), g.outW());
        return ConvKernel.runMaxPooled(x, W, b, g, windows);
    }

    /** The window geometry for x [B, C, H, W], the padding resolved for its size. */
    public ConvGeometry geometry(Tensor x) {
        int ph = padding.resolve(0, x.shape(2), kh, stride[0], dilation[0]);
        int pw = padding.resolve(1, x.shape(3), kw, stride[1], dilation[1]);
        try {
            return new ConvGeometry(x.shape(0), in, x.shape(2), x.shape(3), kh, kw, stride[0], stride[1], ph, pw,
                    dilation[0], dilation[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name() + ": " + e.getMessage(), e);
        }
    }

    public int filters() {
        return filters;
    }

    private String name() {
        return "Conv2D(in=" + in + ", filters=" + filters + ", kernel=" + kh + "×" + kw + ")";
    }

    @Override
    public String type() {
        return "Conv2D";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("in", in);
        c.put("filters", filters);
        c.put("kernel", java.util.List.of(kh, kw));
        c.put("stride", java.util.List.of(stride[0], stride[1]));
        c.put("padding", padding.label());
        c.put("dilation", java.util.List.of(dilation[0], dilation[1]));
        c.put("activation", f.label());
        c.put("dtype", Config.dtypeName(parameters().get("W").dtype()));
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards, so the start is irrelevant. */
    public static Conv2D fromConfig(Map<String, Object> c) {
        Config k = new Config("Conv2D", c);
        return new Conv2D(k.getInt("in"), k.getInt("filters"), k.getIntArray("kernel"), k.getIntArray("stride"),
                Padding.parse(k.getString("padding", "valid")), k.getIntArray("dilation"),
                Activation.of(k.getString("activation", "linear")), k.dtype(), new java.util.SplittableRandom(0));
    }
}
