package jgrad.nn.conv;

import java.util.Map;

import jgrad.nn.Config;

/**
 * Avg pooling over channels-first images x [B, C, H, W], windows of kh × kw at stride (sh, sw)
 * (default: the window) over x padded by (ph, pw) on each side with 0, counted in the divisor (PyTorch's count_include_pad; Keras's "same" average leaves them out):
 * <pre>
 *   y[n, c, i, j] = (1 / (kh·kw)) · Σ_{u < kh, v < kw} xp[n, c, i·sh + u, j·sw + v]
 * </pre>
 * H_out = floor((H + 2ph − kh) / sh) + 1 (W_out likewise; PyTorch's ceil_mode = False, Keras's
 * "valid"); ph ≤ kh/2 and pw ≤ kw/2. The gradient of each output is shared equally by the kh·kw positions of its window.
 */
public final class AvgPool2D extends Pool2D {

    /** AvgPooling2D(pool_size=(k, k)) of Keras: stride k, no padding. */
    public AvgPool2D(int k) {
        this(new int[] {k, k}, new int[] {k, k}, new int[] {0, 0});
    }

    public AvgPool2D(int[] kernel, int[] stride, int[] padding) {
        super("AvgPool2D", false, kernel, stride, padding);
    }

    /** Rebuilds from {@link #config()}. */
    public static AvgPool2D fromConfig(Map<String, Object> c) {
        Config k = new Config("AvgPool2D", c);
        return new AvgPool2D(k.getIntArray("kernel"), k.getIntArray("stride"), k.getIntArray("padding"));
    }
}
