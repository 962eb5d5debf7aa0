package jgrad.sequence;

import java.util.Arrays;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.tensor.Tensor;

/**
 * A batch of B sequences of T steps, padded on the left with item 0, flattened row-major: the input items,
 * and for training the next item at each step (the positive) and a sampled item (the negative), 0 at
 * padded steps. SASRec pads on the left so that the latest item is always at the last step.
 */
public record SequenceBatch(int batch, int steps, int[] inputs, int[] positives, int[] negatives) {

    public SequenceBatch {
        int n = batch * steps;
        if (inputs.length != n || (positives != null && positives.length != n)
                || (negatives != null && negatives.length != n)) {
            throw new IllegalArgumentException("SequenceBatch: arrays must hold " + batch + " × " + steps + " ids");
        }
    }

    /**
     * The histories as a batch for scoring: each truncated to its last {@code maxLength} items (the earliest
     * are dropped), padded on the left to the longest of them.
     */
    public static SequenceBatch ofHistories(int[][] histories, int maxLength) {
        int steps = 1;
        for (int[] h : histories) {
            if (h.length == 0) {
                throw new IllegalArgumentException("a history is empty: there is nothing to predict the next item from");
            }
            steps = Math.max(steps, Math.min(h.length, maxLength));
        }
        int[] inputs = new int[histories.length * steps];
        for (int b = 0; b < histories.length; b++) {
            rightAligned(histories[b], histories[b].length, inputs, b, steps);
        }
        return new SequenceBatch(histories.length, steps, inputs, null, null);
    }

    /** Copies the last min(length, steps) items of {@code items[0 … length)} to the right end of row b. */
    static void rightAligned(int[] items, int length, int[] into, int b, int steps) {
        int kept = Math.min(length, steps);
        System.arraycopy(items, length - kept, into, b * steps + steps - kept, kept);
    }

    /** 1 at steps that hold an item, 0 at padding: [B, T] on the device, in dtype. */
    public Tensor keepMask(Device device, DType dtype) {
        double[] keep = new double[inputs.length];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = inputs[i] == 0 ? 0 : 1;
        }
        return Tensor.of(keep, batch, steps).to(dtype).to(device);
    }

    /** 1 at steps with a positive to predict: [B, T]. */
    public Tensor targetMask(Device device, DType dtype) {
        double[] keep = new double[positives.length];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = positives[i] == 0 ? 0 : 1;
        }
        return Tensor.of(keep, batch, steps).to(dtype).to(device);
    }

    /** How many steps have a positive. */
    public int targets() {
        return (int) Arrays.stream(positives).filter(i -> i != 0).count();
    }
}
