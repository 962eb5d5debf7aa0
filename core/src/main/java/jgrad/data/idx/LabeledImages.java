package jgrad.data.idx;

import java.util.Objects;

/**
 * Grayscale images with class labels, as read from a pair of IDX files.
 * {@code pixels} holds {@code count × rows × cols} unsigned bytes, row-major, one image after another.
 */
public record LabeledImages(int count, int rows, int cols, byte[] pixels, int[] labels) {

    public LabeledImages {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if ((long) count * rows * cols != pixels.length || labels.length != count) {
            throw new IllegalArgumentException(count + " images of " + rows + "×" + cols + " need "
                    + (long) count * rows * cols + " pixels and " + count + " labels; got " + pixels.length
                    + " and " + labels.length);
        }
    }

    public int pixelsPerImage() {
        return rows * cols;
    }

    /** All pixels times {@code scale} (1/255 maps them to [0, 1]), as one row-major float array. */
    public float[] pixelsAsFloats(float scale) {
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (pixels[i] & 0xFF) * scale;
        }
        return out;
    }

    /** Images and labels of the given indices, in that order (a batch). */
    public LabeledImages select(int[] indices) {
        int size = pixelsPerImage();
        byte[] picked = new byte[indices.length * size];
        int[] pickedLabels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = Objects.checkIndex(indices[k], count);
            System.arraycopy(pixels, i * size, picked, k * size, size);
            pickedLabels[k] = labels[i];
        }
        return new LabeledImages(indices.length, rows, cols, picked, pickedLabels);
    }
}
