package jgrad.backend;

/**
 * The shape of a 2-d sliding window over a batch of images x [batch, channels, height, width]:
 * a kernel of kh × kw taps at stride (sh, sw), dilation (dh, dw) and zero padding (ph, pw) on both
 * sides of each axis. A 1-d window is the case height = kh = 1. The output grid is
 * <pre>
 *   outH = floor((height + 2 ph − dh (kh − 1) − 1) / sh) + 1,   outW likewise
 * </pre>
 * and tap (u, v) of output (i, j) reads the padded input at row i·sh + u·dh − ph, column j·sw + v·dw − pw.
 *
 * <p>The column matrix of {@link Backend#im2col} is [channels·kh·kw, batch·outH·outW]: row
 * (c·kh + u)·kw + v, column (n·outH + i)·outW + j.
 */
public record ConvGeometry(int batch, int channels, int height, int width, int kh, int kw,
                           int sh, int sw, int ph, int pw, int dh, int dw) {

    public ConvGeometry {
        if (batch < 0 || channels < 1 || height < 1 || width < 1 || kh < 1 || kw < 1) {
            throw new IllegalArgumentException("window: sizes must be positive, got batch " + batch + ", channels "
                    + channels + ", input " + height + "×" + width + ", kernel " + kh + "×" + kw);
        }
        if (sh < 1 || sw < 1) {
            throw new IllegalArgumentException("window: stride must be >= 1, got " + sh + "×" + sw);
        }
        if (dh < 1 || dw < 1) {
            throw new IllegalArgumentException("window: dilation must be >= 1, got " + dh + "×" + dw);
        }
        if (ph < 0 || pw < 0) {
            throw new IllegalArgumentException("window: padding must be >= 0, got " + ph + "×" + pw);
        }
        if (height + 2 * ph < dh * (kh - 1) + 1 || width + 2 * pw < dw * (kw - 1) + 1) {
            throw new IllegalArgumentException("window: input " + height + "×" + width + " (padded " + (height + 2 * ph)
                    + "×" + (width + 2 * pw) + ") is smaller than the kernel's reach " + (dh * (kh - 1) + 1) + "×"
                    + (dw * (kw - 1) + 1));
        }
    }

    public int outH() {
        return (height + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
    }

    public int outW() {
        return (width + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
    }

    /** The first output column j whose tap v (0 ≤ v < kw) lands at an input column ≥ 0: j·sw − pw + v·dw ≥ 0. */
    public int firstInsideColumn(int v) {
        int lead = pw - v * dw;
        return lead <= 0 ? 0 : Math.min(outW(), (lead + sw - 1) / sw);
    }

    /** One past the last output column j whose tap v lands at an input column &lt; width. */
    public int endInsideColumn(int v) {
        int reach = width - 1 + pw - v * dw;
        return reach < 0 ? 0 : Math.min(outW(), reach / sw + 1);
    }

    /** Rows of the column matrix: channels·kh·kw. */
    public int patchSize() {
        return channels * kh * kw;
    }

    /** Columns of the column matrix: batch·outH·outW. */
    public int positions() {
        return batch * outH() * outW();
    }

    /** Elements of the input x. */
    public int inputSize() {
        return batch * channels * height * width;
    }

    /** The same window over {@code images} images: a slice of the batch. */
    public ConvGeometry withBatch(int images) {
        return new ConvGeometry(images, channels, height, width, kh, kw, sh, sw, ph, pw, dh, dw);
    }

    /** The geometry as 12 ints in declaration order (how the CUDA kernels take it). */
    public int[] toInts() {
        return new int[] {batch, channels, height, width, kh, kw, sh, sw, ph, pw, dh, dw};
    }
}
