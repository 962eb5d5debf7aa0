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
 * never touched). Queries run without a graph, a one-history query ({@link #scoreInto}) in its thread's step
 * memory ({@link Arena}). Training the
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
        // No step scope here: batches of histories come in many lengths, and an arena would keep a batch's
        // worth of storage for each of them; the one-history queries of scoreInto are small enough to pool.
        try (var ignored = Autograd.noGrad()) {
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
        return lastStates(histories).matmul(itemTable, false, true);
    }

    /** F_T [B, d] of each history. */
    private Tensor lastStates(int[][] histories) {
        checkItems(histories);
        SequenceBatch batch = SequenceBatch.ofHistories(histories, frozen.maxLength);
        return frozen.encodeLast(weights, batch);
    }

    /**
     * A recommender for users whose histories are known now ({@link UserStates}): each user's state F_T is
     * computed here, once, so that a query is one product with the item table. {@code denseHistories[u]} holds
     * dense user u's items as dense ids (model item − 1, as {@link #dense}); empty: a user without history, whose
     * scores are those of a zero state.
     */
    public UserStates forUsers(int[][] denseHistories) {
        int[][] histories = new int[denseHistories.length][];
        for (int u = 0; u < histories.length; u++) {
            histories[u] = Arrays.stream(denseHistories[u]).map(i -> i + 1).toArray();
        }
        int d = frozen.d;
        double[] states = new double[histories.length * d];
        // Users sorted by history length, so that a batch is padded little.
        Integer[] order = new Integer[histories.length];
        for (int u = 0; u < order.length; u++) {
            order[u] = u;
        }
        Arrays.sort(order, java.util.Comparator.comparingInt(u -> Math.min(histories[u].length, frozen.maxLength)));
        int first = 0;
        while (first < order.length && histories[order[first]].length == 0) {
            first++;
        }
        for (int from = first; from < order.length; from += STATE_BATCH) {
            int[][] batch = new int[Math.min(STATE_BATCH, order.length - from)][];
            for (int b = 0; b < batch.length; b++) {
                batch[b] = histories[order[from + b]];
            }
            double[] rows;
            try (var ignored = Autograd.noGrad()) {
                rows = lastStates(batch).to(Device.CPU).toDoubleArray();
            }
            for (int b = 0; b < batch.length; b++) {
                System.arraycopy(rows, b * d, states, order[from + b] * d, d);
            }
        }
        return new UserStates(states, histories.length, itemTable, frozen.device());
    }

    private static final int STATE_BATCH = 128;

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
