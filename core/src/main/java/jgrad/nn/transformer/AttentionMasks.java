package jgrad.nn.transformer;

import jgrad.tensor.Tensor;

/** Which keys a query may not see, as a 0/1 tensor that broadcasts over the scores [B, h, T, T]. */
final class AttentionMasks {

    private AttentionMasks() {
    }

    /**
     * 1 where key s is dropped for query t: s &gt; t when causal, mask[b, s] = 0 for padding; null when
     * nothing is dropped. The causal triangle is made on the host (it depends on T only) and uploaded.
     * A query whose every key would be dropped (a padded position before the first item under a causal
     * mask, or a sequence of padding only) keeps its own key alone: its softmax would otherwise be 0/0,
     * and the NaN would reach every gradient through the backward pass. Its output means nothing and
     * the models mask it out.
     */
    static Tensor dropped(Tensor x, Tensor mask, boolean causal) {
        int steps = x.shape(1);
        Tensor padding = mask == null ? null
                : Tensor.ones(x.dtype(), 1).to(x.device()).sub(mask.to(x.dtype())).reshape(mask.shape(0), 1, 1, steps);
        if (!causal) {
            return padding == null ? null : keepOwnKeyWhenAllDropped(padding, steps);
        }
        double[] above = new double[steps * steps];
        for (int t = 0; t < steps; t++) {
            for (int s = t + 1; s < steps; s++) {
                above[t * steps + s] = 1;
            }
        }
        Tensor triangle = Tensor.of(above, steps, steps).to(x.dtype()).to(x.device());
        return padding == null ? triangle : keepOwnKeyWhenAllDropped(padding.maximum(triangle), steps);
    }

    /** dropped − [every key of the row dropped] · I: frees the diagonal of rows that would drop everything. */
    private static Tensor keepOwnKeyWhenAllDropped(Tensor dropped, int steps) {
        Tensor allDropped = dropped.neg().max(-1, true).neg();
        double[] identity = new double[steps * steps];
        for (int t = 0; t < steps; t++) {
            identity[t * steps + t] = 1;
        }
        Tensor eye = Tensor.of(identity, steps, steps).to(dropped.dtype()).to(dropped.device());
        return dropped.sub(allDropped.mul(eye));
    }
}
