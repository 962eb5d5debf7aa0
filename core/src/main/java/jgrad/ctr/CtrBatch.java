package jgrad.ctr;

import jgrad.backend.Device;
import jgrad.tensor.Tensor;

/**
 * A batch of click-through examples ready for a model: the ids (on the host, they steer the gathers),
 * histories padded on the right with id 0 to the batch's longest one ({@code steps}, at least 1), and
 * on the device the mask [B, T] (1 on a real history item, 0 on padding), the mean-pooling weights
 * [B, T] (the mask divided by the history length, zeros for an empty history) and the labels [B, 1].
 */
public record CtrBatch(int[] users, int[] items, int[] history, int steps, Tensor mask, Tensor meanWeights,
                       Tensor labels) {

    public int size() {
        return users.length;
    }

    /** The given rows of {@code examples}, their tensors on {@code device}. */
    public static CtrBatch of(CtrExamples examples, int[] rows, Device device) {
        int b = rows.length;
        int steps = 1;
        for (int r : rows) {
            steps = Math.max(steps, examples.histories()[r].length);
        }
        int[] users = new int[b];
        int[] items = new int[b];
        int[] history = new int[b * steps];
        float[] mask = new float[b * steps];
        float[] mean = new float[b * steps];
        float[] labels = new float[b];
        for (int k = 0; k < b; k++) {
            int r = rows[k];
            users[k] = examples.users()[r];
            items[k] = examples.items()[r];
            labels[k] = examples.labels()[r];
            int[] h = examples.histories()[r];
            for (int t = 0; t < h.length; t++) {
                history[k * steps + t] = h[t];
                mask[k * steps + t] = 1;
                mean[k * steps + t] = 1f / h.length;
            }
        }
        return new CtrBatch(users, items, history, steps, Tensor.of(mask, b, steps).to(device),
                Tensor.of(mean, b, steps).to(device), Tensor.of(labels, b, 1).to(device));
    }
}
