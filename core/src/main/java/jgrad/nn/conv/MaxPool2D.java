package jgrad.nn.conv;

import java.util.Map;

import jgrad.nn.Config;

/**
 * Max pooling over channels-first images x [B, C, H, W], windows of kh × kw at stride (sh, sw)
 * (default: the window) over x padded by (ph, pw) on each side with −∞ (a padded position never wins):
 * <pre>
 *   y[n, c, i, j] = max_{u < kh, v < kw} xp[n, c, i·sh + u, j·sw + v]
 * </pre>
 * H_out = floor((H + 2ph − kh) / sh) + 1 (W_out likewise; PyTorch's ceil_mode = False, Keras's
 * "valid"); ph ≤ kh/2 and pw ≤ kw/2. The gradient of each output goes to the input that won its window (shared equally on a tie), summed over the windows it won.
 */
public final class MaxPool2D extends Pool2D {

    /** MaxPooling2D(pool_size=(k, k)) of Keras: stride k, no padding. */
    public MaxPool2D(int k) {
        this(new int[] {k, k}, new int[] {k, k}, new int[] {0, 0});
    }

    public MaxPool2D(int[] kernel, int[] stride, int[] padding) {
        super("MaxPool2D", true, kernel, stride, padding);
    }

    /** Rebuilds from {@link #config()}. */
    public static MaxPool2D fromConfig(Map<String, Object> c) {
        Config k = new Config("MaxPool2D", c);
        return new MaxPool2D(k.getIntArray("kernel"), k.getIntArray("stride"), k.getIntArray("padding"));
    }
}
