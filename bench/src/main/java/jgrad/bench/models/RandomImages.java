package jgrad.bench.models;

import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.bench.BackendChoice;
import jgrad.data.Batches;
import jgrad.tensor.Tensor;

/**
 * The data of the training-step benchmarks of Fashion-MNIST's models ({@link MlpTrainBench}, {@link DpSgdStepBench}):
 * 60,000 images of pixels uniform in [0, 1), flat [N, 784] or channels-first [N, 1, 28, 28], on the benchmark's
 * device, with labels uniform over 10 classes, and batches walked through a shuffled order. Random data, because a
 * step's cost does not depend on what the pixels show.
 */
final class RandomImages {

    static final int SAMPLES = 60_000;
    static final int CLASSES = 10;

    /** The images [N, 784] or [N, 1, 28, 28]. */
    final Tensor images;
    /** Each image's class, on the host. */
    final int[] classes;
    /** The classes as a float tensor [N] on the device (the form DP-SGD's loss takes). */
    final Tensor labels;
    private int[] order;
    private int next;

    /** Draws the pixels from {@code rng}; the labels come from their own stream, the same for every benchmark. */
    RandomImages(Device device, SplittableRandom rng, boolean channelsFirst) {
        int[] shape = channelsFirst ? new int[] {SAMPLES, 1, 28, 28} : new int[] {SAMPLES, 784};
        images = Tensor.rand(rng, DType.F32, 0, 1, shape).to(device);
        classes = BackendChoice.ids(SAMPLES, CLASSES, 5);
        float[] asFloats = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            asFloats[i] = classes[i];
        }
        labels = Tensor.of(asFloats, SAMPLES).to(device);
        shuffle(rng);
    }

    /** A fresh order; the next batch starts at its beginning. */
    void shuffle(SplittableRandom rng) {
        order = Batches.permutation(SAMPLES, rng);
        next = 0;
    }

    /** Fills {@code ids} with the next batch of the order (an epoch's tail shorter than a batch is skipped). */
    void nextBatch(int[] ids) {
        if (next + ids.length > SAMPLES) {
            next = 0;
        }
        System.arraycopy(order, next, ids, 0, ids.length);
        next += ids.length;
    }
}
