package jgrad.nn.conv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/**
 * Max pooling over channels-first images x [B, C, H, W], windows of kh × kw at stride (sh, sw)
 * (default: the window) over x padded by (ph, pw) on each side with −∞ (a padded position never wins):
 * <pre>
 *   y[n, c, i, j] = max_{u < kh, v < kw} xp[n, c, i·sh + u, j·sw + v]
 * </pre>
 * H_out = floor((H + 2ph − kh) / sh) + 1 (W_out likewise; PyTorch's ceil_mode = False, Keras's
 * "valid"); ph ≤ kh/2 and pw ≤ kw/2. The gradient of each output goes to the input that won its window (shared equally on a tie), summed over the windows it won.
 */
public final class MaxPool2D extends Module implements Layer {

    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;

    /** MaxPooling2D(pool_size=(k, k)) of Keras: stride k, no padding. */
    public MaxPool2D(int k) {
        this(new int[] {k, k}, new int[] {k, k}, new int[] {0, 0});
    }

    public MaxPool2D(int[] kernel, int[] stride, int[] padding) {
        this.kernel = Pooling.pair("MaxPool2D", "kernel", kernel, 1);
        this.stride = Pooling.pair("MaxPool2D", "stride", stride, 1);
        this.padding = Pooling.pair("MaxPool2D", "padding", padding, 0);
        Pooling.checkPadding("MaxPool2D", this.kernel, this.padding);
    }

    @Override
    public Tensor forward(Tensor x) {
        return Pooling.pool("MaxPool2D", x, kernel, stride, padding, true);
    }

    @Override
    public String type() {
        return "MaxPool2D";
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
