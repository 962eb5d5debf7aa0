package jgrad.sequence;

import java.util.Arrays;
import java.util.Map;

import jgrad.autograd.Autograd;
import jgrad.backend.Arena;
import jgrad.backend.Device;
import jgrad.recsys.HistoryRecommender;
import jgrad.tensor.Tensor;

/**
 * An immutable inference snapshot of a trained {@link SequenceModel}: the scores of every item after a history,
 * <pre>
 *   r_i = F_T · M_i,   i = 0 … N      (F_T: the encoder's state at the history's last step, in evaluation mode)
 * </pre>
 * safe to call from many threads at once. The snapshot holds its own copy of the model, built from the
 * model's configuration, given a copy of its weights and switched to evaluation mode once; nothing ever switches
 * it back, so no caller's training/evaluation toggle can reach a query in flight (the model's own mode is
 * never touched). Each query runs in its thread's step memory ({@link Arena}) without a graph. Training the
 * model further does not change the snapshot: take a new one.
 */
public final class SequenceServing implements NextItemScorer {

    private final SequenceModel frozen;
    private final Map<String, Tensor> weights;
    private final Tensor itemTable;       // M [N + 1, d]

    SequenceServing(SequenceModel model) {
        frozen = Arena.outside(() -> copyOf(model));
        weights = frozen.parameters();
        itemTable = weights.get("items.W_emb");
    }

    private static SequenceModel copyOf(SequenceModel model) {
        SequenceModel copy = (SequenceModel) new SequenceModelTypes().types().get(model.type()).apply(model.config());
        copy.to(model.device());
        copy.eval();
        try (var ignored = Autograd.noGrad()) {
            Map<String, Tensor> to = copy.parameters();
            model.parameters().forEach((name, w) -> to.get(name).copyFrom(w));
        }
        return copy;
    }

    @Override
    public int numItems() {
        return frozen.numItems;
    }

    public int maxLength() {
        return frozen.maxLength;
    }

    /**
     * For each history (items 1 … N in time order, at least one; longer than {@link #maxLength()}: its last
     * maxLength items), the scores of items 0 … N; entry 0, the padding id, is not an item.
     */
    @Override
    public double[][] scores(int[][] histories) {
        int rows = frozen.numItems + 1;
        double[][] out = new double[histories.length][];
        try (var step = Arena.open(); var ignored = Autograd.noGrad()) {
            double[] flat = scoreTensor(histories).to(Device.CPU).toDoubleArray();
            for (int b = 0; b < out.length; b++) {
                out[b] = Arrays.copyOfRange(flat, b * rows, (b + 1) * rows);
            }
        }
        return out;
    }

    /** The scores of one history into {@code out} (length N + 1), without allocating per query beyond step memory. */
    public void scoreInto(int[] history, double[] out) {
        if (out.length != frozen.numItems + 1) {
            throw new IllegalArgumentException("scoreInto: out must hold " + (frozen.numItems + 1) + " scores, got "
                    + out.length);
        }
        try (var step = Arena.open(); var ignored = Autograd.noGrad()) {
            scoreTensor(new int[][] {history}).reshape(out.length).to(Device.CPU).copyInto(out);
        }
    }

    /** [B, N + 1] on the model's device; valid only inside the caller's step scope. */
    private Tensor scoreTensor(int[][] histories) {
        checkItems(histories);
        SequenceBatch batch = SequenceBatch.ofHistories(histories, frozen.maxLength);
        Tensor hidden = frozen.encode(weights, batch);
        Tensor last = hidden.narrow(1, batch.steps() - 1, 1).reshape(batch.batch(), frozen.d);
        return last.matmul(itemTable, false, true);
    }

    private void checkItems(int[][] histories) {
        for (int[] h : histories) {
            for (int i = 0; i < h.length; i++) {
                if (h[i] < 1 || h[i] > frozen.numItems) {
                    throw new IllegalArgumentException("item " + h[i] + " at position " + (i + 1)
                            + " of a history is unknown: the model knows items 1 … " + frozen.numItems);
                }
            }
        }
    }

    /**
     * The same scores for a server that counts items from 0 ({@link HistoryRecommender}): dense item i is this
     * model's item i + 1, so a history of dense ids is shifted up by one and the padding score is left out.
     */
    public HistoryRecommender dense() {
        return new HistoryRecommender() {
            @Override
            public int numItems() {
                return frozen.numItems;
            }

            @Override
            public double[] scoreNext(int[] history) {
                int[] shifted = new int[history.length];
                for (int i = 0; i < history.length; i++) {
                    shifted[i] = history[i] + 1;
                }
                double[] withPadding = new double[frozen.numItems + 1];
                scoreInto(shifted, withPadding);
                return Arrays.copyOfRange(withPadding, 1, withPadding.length);
            }
        };
    }
}
