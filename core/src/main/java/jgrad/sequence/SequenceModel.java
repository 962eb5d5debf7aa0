package jgrad.sequence;

import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.backend.DType;
import jgrad.metrics.TopK;
import jgrad.nn.Describable;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.nn.layers.Embedding;
import jgrad.nn.loss.Softplus;
import jgrad.tensor.Tensor;

/**
 * A next-item model: an encoder turns the item sequence x_1 … x_T into hidden states F_t ∈ ℝᵈ, and the
 * score of item i after step t is the dot product with the item's embedding (shared with the input,
 * SASRec §3.5):
 * <pre>
 *   r_{i,t} = F_t · M_i
 *   loss = −(1/n) Σ_{t with a next item o_t} [ ln σ(r_{o_t,t}) + ln(1 − σ(r_{j_t,t})) ]      (BCE, one sampled j_t)
 * </pre>
 * over the n unpadded steps of a batch. Items are 1 … N; id 0 pads (row 0 of M is never a candidate).
 * The scores of a history are those of its last step; a history longer than {@link #maxLength()} is
 * truncated from the left.
 */
public abstract class SequenceModel extends Module implements NextItemScorer, Describable {

    protected final int numItems;
    protected final int d;
    protected final int maxLength;
    protected final DType dtype;
    protected final Embedding items;

    protected SequenceModel(int numItems, int d, int maxLength, DType dtype, RandomGenerator rng) {
        if (numItems < 1 || d < 1 || maxLength < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": needs items, d and a maximum length ≥ 1, got "
                    + numItems + ", " + d + ", " + maxLength);
        }
        this.numItems = numItems;
        this.d = d;
        this.maxLength = maxLength;
        this.dtype = dtype;
        items = child("items", new Embedding(numItems + 1, d, dtype, rng));
    }

    /** The hidden states F [B, T, d] of a batch, from {@code weights} (keyed by parameter path). */
    protected abstract Tensor encode(Map<String, Tensor> weights, SequenceBatch batch);

    /** F_T [B, d], the hidden state at the last step; a model may compute it without the other steps' outputs. */
    protected Tensor encodeLast(Map<String, Tensor> weights, SequenceBatch batch) {
        Tensor hidden = encode(weights, batch);
        return hidden.narrow(1, batch.steps() - 1, 1).reshape(batch.batch(), d);
    }

    /** r_{i,t} = F_t · M_i for the item i given at every step: [B, T]. */
    public Tensor logits(Map<String, Tensor> weights, Tensor hidden, int[] itemIds) {
        return items.dotRows(Weights.under(weights, "items"), hidden, itemIds);
    }

    /** The BCE loss of the class comment on a training batch (positives and negatives given). */
    public Tensor loss(Map<String, Tensor> weights, SequenceBatch batch) {
        Tensor hidden = encode(weights, batch);
        Tensor positive = logits(weights, hidden, batch.positives());
        Tensor negative = logits(weights, hidden, batch.negatives());
        Tensor perStep = Softplus.of(positive.neg()).add(Softplus.of(negative));
        return perStep.mul(batch.targetMask(hidden.device(), hidden.dtype())).sum().div(Math.max(1, batch.targets()));
    }

    public Tensor loss(SequenceBatch batch) {
        return loss(parameters(), batch);
    }

    /**
     * An immutable copy for inference ({@link SequenceServing}): the way to score from many threads, and the
     * one this model's own {@link #scores} takes, so scoring never switches this model's training mode.
     */
    public SequenceServing forServing() {
        return new SequenceServing(this);
    }

    /** The scores of a snapshot taken now ({@link #forServing}); to score many batches, take one snapshot. */
    @Override
    public double[][] scores(int[][] histories) {
        return forServing().scores(histories);
    }

    /** The k items scored highest after {@code history}, best first, leaving out the history's items. */
    public int[] recommend(int[] history, int k) {
        double[] s = scores(new int[][] {history})[0];
        s[0] = Double.NEGATIVE_INFINITY;
        for (int item : history) {
            s[item] = Double.NEGATIVE_INFINITY;
        }
        return TopK.indices(s, Math.min(k, numItems - (int) Arrays.stream(history).distinct().count()));
    }

    /** The architecture as saved with the weights: the sizes every sequence model has, its own, then the dtype. */
    @Override
    public final Map<String, Object> config() {
        Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("items", numItems);
        c.put("d", d);
        c.put("max_length", maxLength);
        putArchitecture(c);
        c.put("dtype", jgrad.nn.Config.dtypeName(dtype));
        return c;
    }

    /** Adds what this kind of model needs beyond the shared sizes (its dropout, blocks, heads). */
    protected abstract void putArchitecture(Map<String, Object> c);

    @Override
    public int numItems() {
        return numItems;
    }

    public int maxLength() {
        return maxLength;
    }

    public int dim() {
        return d;
    }
}
