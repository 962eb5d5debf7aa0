package jgrad.nn.transformer;

import jgrad.tensor.Tensor;

/** Which keys a query may not see, as a 0/1 tensor that broadcasts over the scores [B, h, T, T]. */
final class AttentionMasks {

    private AttentionMasks() {
    }

    /**
     * 1 where key s is dropped for query t: s &gt; t when causal, mask[b, s] = 0 for padding; null when
     * nothing is dropped. The causal triangle is made on the host (it depends on T only) and uploaded.
     */
    static Tensor dropped(Tensor x, Tensor mask, boolean causal) {
        int steps = x.shape(1);
        Tensor padding = mask == null ? null
                : Tensor.ones(x.dtype(), 1).to(x.device()).sub(mask.to(x.dtype())).reshape(mask.shape(0), 1, 1, steps);
        if (!causal) {
            return padding;
        }
        double[] above = new double[steps * steps];
        for (int t = 0; t < steps; t++) {
            for (int s = t + 1; s < steps; s++) {
                above[t * steps + s] = 1;
            }
        }
        Tensor triangle = Tensor.of(above, steps, steps).to(x.dtype()).to(x.device());
        return padding == null ? triangle : padding.maximum(triangle);
    }
}
