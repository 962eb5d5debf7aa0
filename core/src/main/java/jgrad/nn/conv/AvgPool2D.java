package jgrad.nn.conv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/**
 * Avg pooling over channels-first images x [B, C, H, W], windows of kh × kw at stride (sh, sw)
 * (default: the window) over x padded by (ph, pw) on each side with 0, counted in the divisor (PyTorch's count_include_pad; Keras's "same" average leaves them out):
 * <pre>
 *   y[n, c, i, j] = (1 / (kh·kw)) · Σ_{u < kh, v < kw} xp[n, c, i·sh + u, j·sw + v]
 * </pre>
 * H_out = floor((H + 2ph − kh) / sh) + 1 (W_out likewise; PyTorch's ceil_mode = False, Keras's
 * "valid"); ph ≤ kh/2 and pw ≤ kw/2. The gradient of each output is shared equally by the kh·kw positions of its window.
 */
public final class AvgPool2D extends Module implements Layer {

    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;

    /** AvgPooling2D(pool_size=(k, k)) of Keras: stride k, no padding. */
    public AvgPool2D(int k) {
        this(new int[] {k, k}, new int[] {k, k}, new int[] {0, 0});
    }

    public AvgPool2D(int[] kernel, int[] stride, int[] padding) {
        this.kernel = Pooling.pair("AvgPool2D", "kernel", kernel, 1);
        this.stride = Pooling.pair("AvgPool2D", "stride", stride, 1);
        this.padding = Pooling.pair("AvgPool2D", "padding", padding, 0);
        Pooling.checkPadding("AvgPool2D", this.kernel, this.padding);
    }

    @Override
    public Tensor forward(Tensor x) {
        return Pooling.pool("AvgPool2D", x, kernel, stride, padding, false);
    }

    @Override
    public String type() {
        return "AvgPool2D";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kernel", List.of(kernel[0], kernel[1]));
        c.put("stride", List.of(stride[0], stride[1]));
        c.put("padding", List.of(padding[0], padding[1]));
        return c;
    }
}
