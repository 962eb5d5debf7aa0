package jgrad.examples;

import jgrad.data.idx.LabeledImages;
import jgrad.tensor.Tensor;

/** Labeled images as the tensors a model takes: pixels / 255 as [N, rows, cols], labels as [N]. */
final class ImageTensors {

    private ImageTensors() {
    }

    static Tensor pixels(LabeledImages images) {
        return Tensor.of(images.pixelsAsFloats(1f / 255), images.count(), images.rows(), images.cols());
    }

    /** pixels / 255 as one-channel images [N, 1, rows, cols], the layout of the convolution layers. */
    static Tensor channelsFirst(LabeledImages images) {
        return pixels(images).reshape(images.count(), 1, images.rows(), images.cols());
    }

    static Tensor labels(LabeledImages images) {
        float[] labels = new float[images.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.labels()[i];
        }
        return Tensor.of(labels, labels.length);
    }

    /** Images to evaluate on: the pixel tensor and the true labels. */
    record Evaluation(Tensor pixels, int[] labels) {

        static Evaluation of(LabeledImages images) {
            return new Evaluation(ImageTensors.pixels(images), images.labels().clone());
        }

        static Evaluation channelsFirst(LabeledImages images) {
            return new Evaluation(ImageTensors.channelsFirst(images), images.labels().clone());
        }
    }
}
