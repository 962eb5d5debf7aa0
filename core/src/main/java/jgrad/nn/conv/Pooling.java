package jgrad.nn.conv;

import jgrad.backend.ConvGeometry;
import jgrad.kernels.WindowKernel;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * The shared arithmetic of {@link MaxPool2D} and {@link AvgPool2D}. A maximum is one fused kernel
 * ({@link WindowKernel#maxPool}); an average takes the windows of each channel as rows of the column
 * matrix (im2col, padded with 0), averages the kh·kw rows of each channel, then lays them out again as
 * [B, C, outH, outW].
 */
final class Pooling {

    private Pooling() {
    }

    static Tensor pool(String layer, Tensor x, int[] kernel, int[] stride, int[] padding, boolean max) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException(layer + ": input has shape " + Shapes.format(x.shape())
                    + ", expected [B, C, H, W]");
        }
        int batch = x.shape(0);
        int channels = x.shape(1);
        ConvGeometry g = geometry(layer, batch, channels, x.shape(2), x.shape(3), kernel, stride, padding);
        if (max) {
            return WindowKernel.maxPool(x, g);
        }
        int taps = kernel[0] * kernel[1];
        Tensor cols = WindowKernel.unfold(x, g, 0)
                .reshape(channels, taps, batch * g.outH() * g.outW());
        Tensor reduced = cols.mean(1, false);
        return reduced.reshape(channels, batch, g.outH(), g.outW()).permute(1, 0, 2, 3).contiguous();
    }

    /** The windows over [batch, channels, height, width]; an input smaller than a window is an error naming the layer. */
    static ConvGeometry geometry(String layer, int batch, int channels, int height, int width, int[] kernel,
                                 int[] stride, int[] padding) {
        try {
            return new ConvGeometry(batch, channels, height, width, kernel[0], kernel[1], stride[0], stride[1],
                    padding[0], padding[1], 1, 1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(layer + ": " + e.getMessage(), e);
        }
    }

    /** PyTorch's limit: a window must hold a real element, so padding is at most half of it. */
    static void checkPadding(String layer, int[] kernel, int[] padding) {
        if (2 * padding[0] > kernel[0] || 2 * padding[1] > kernel[1]) {
            throw new IllegalArgumentException(layer + ": padding " + padding[0] + "×" + padding[1]
                    + " is more than half the window " + kernel[0] + "×" + kernel[1]
                    + ": a window could hold nothing but padding");
        }
    }

    static int[] pair(String layer, String what, int[] values, int minimum) {
        if (values.length != 2) {
            throw new IllegalArgumentException(layer + ": " + what + " needs 2 values, got " + values.length);
        }
        for (int v : values) {
            if (v < minimum) {
                throw new IllegalArgumentException(layer + ": " + what + " must be >= " + minimum + ", got " + v);
            }
        }
        return values.clone();
    }
}
