package jgrad.ctr;

import java.util.Map;

import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/** A click-through model: the logit of a click for every example of a batch. */
public abstract class CtrModel extends Module {

    /** z [B, 1]: P(click) = σ(z). */
    public Tensor logits(CtrBatch batch) {
        return logits(parameters(), batch);
    }

    /** The same with the given weights, named as in {@link #parameters()}. */
    public abstract Tensor logits(Map<String, Tensor> weights, CtrBatch batch);

    /** The embedding tables (parameter name → the ids it is indexed by), for {@link MiniBatchAwareL2}. */
    public abstract Map<String, IdKind> embeddingTables();

    /** What an embedding table is indexed by. */
    public enum IdKind { USER, ITEM }

    /** Refuses ids the tables do not cover, naming the position and the known range (not the id: it may be a person's). */
    static void checkIds(String what, int[] ids, int count) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= count) {
                throw new IllegalArgumentException("unknown " + what + " id at position " + i + ": the model knows ids 1 to "
                        + (count - 1));
            }
        }
    }
}
