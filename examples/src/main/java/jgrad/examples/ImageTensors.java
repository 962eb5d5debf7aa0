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
    }
}
